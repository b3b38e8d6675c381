using System.Collections.Frozen;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Serialization;
using TweetsSoap.Service.Domain;
using OperationDescription = SoapCore.ServiceModel.OperationDescription;
using SoapServiceDescription = SoapCore.ServiceModel.ServiceDescription;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// What the pipeline needs to run one operation, built once per process from the contract as SoapCore describes it
/// (so the names match the WSDL it serves): a serializer per parameter and for the result, and a compiled call.
/// </summary>
public sealed class SoapOperation
{
    private SoapOperation(OperationDescription operation, string contractNamespace)
    {
        var method = operation.DispatchMethod;
        Name = operation.Name;
        Namespace = contractNamespace;
        ResponseName = operation.Name + "Response";
        Parameters = [.. operation.InParameters.OrderBy(p => p.Index).Select(p => new SoapParameter(
            p.Name,
            p.Parameter.ParameterType,
            new DataContractSerializer(p.Parameter.ParameterType, p.Name, contractNamespace),
            new DataContractSerializer(p.Parameter.ParameterType, p.Name, ""),
            p.Parameter.ParameterType.IsValueType ? Activator.CreateInstance(p.Parameter.ParameterType) : null))];
        Invoke = CompileCall(method);
        var resultType = method.ReturnType.GetGenericArguments().SingleOrDefault();
        if (resultType is not null)
        {
            ResultName = operation.ReturnName;
            Result = new DataContractSerializer(resultType, ResultName, contractNamespace);
            ResultOf = CompileResult(method.ReturnType);
        }
    }

    public string Name { get; }

    public string Namespace { get; }

    /// <summary>The wrapper element of the answer, as the WSDL names it.</summary>
    public string ResponseName { get; }

    public IReadOnlyList<SoapParameter> Parameters { get; }

    /// <summary>Calls the operation on a service instance with its arguments in declaration order.</summary>
    public Func<object, object?[], Task> Invoke { get; }

    /// <summary>The element of the result within <see cref="ResponseName"/>, as the WSDL names it.</summary>
    public string? ResultName { get; }

    /// <summary>The serializer of the result, or null when the operation returns a plain <see cref="Task"/>.</summary>
    public DataContractSerializer? Result { get; }

    /// <summary>The result of a completed call.</summary>
    public Func<Task, object?>? ResultOf { get; }

    /// <summary>
    /// The operations of <paramref name="contract"/> by soapAction. The contracts are wrapped, request-reply, with in
    /// parameters only, returning <see cref="Task"/> or <see cref="Task{T}"/>; anything else is refused at startup.
    /// </summary>
    public static FrozenDictionary<string, SoapOperation> ForContract(Type contract)
    {
        var description = new SoapServiceDescription(contract, generateSoapActionWithoutContractName: false);
        if (description.Operations.FirstOrDefault(o => !Supported(o)) is { } unsupported)
        {
            throw new NotSupportedException($"{contract.Name}.{unsupported.Name} is not a wrapped request-reply operation returning a Task; the SOAP pipeline cannot run it.");
        }

        return description.Operations.ToFrozenDictionary(o => o.SoapAction, o => new SoapOperation(o, description.GeneralContract.Namespace), StringComparer.Ordinal);
    }

    private static bool Supported(OperationDescription operation)
    {
        var returnType = operation.DispatchMethod.ReturnType;
        return !operation.IsOneWay
               && !operation.IsMessageContractRequest
               && !operation.IsMessageContractResponse
               && operation.OutParameters.Length == 0
               && operation.InParameters.Length == operation.DispatchMethod.GetParameters().Length
               && operation.InParameters.All(p => p.Parameter.ParameterType != typeof(HttpContext))
               && (returnType == typeof(Task) || returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>));
    }

    private static Func<object, object?[], Task> CompileCall(MethodInfo method)
    {
        var service = Expression.Parameter(typeof(object), "service");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.Call(
            Expression.Convert(service, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object, object?[], Task>>(call, service, arguments).Compile();
    }

    private static Func<Task, object?> CompileResult(Type taskType)
    {
        var task = Expression.Parameter(typeof(Task), "task");
        var result = Expression.Property(Expression.Convert(task, taskType), nameof(Task<object>.Result));
        return Expression.Lambda<Func<Task, object?>>(Expression.Convert(result, typeof(object)), task).Compile();
    }
}

/// <summary>
/// One argument of a <see cref="SoapOperation"/>: its element name, its serializers (in the contract's namespace, and
/// in none, as some toolkits send it), and what it is when absent.
/// </summary>
public sealed record SoapParameter(string Name, Type Type, DataContractSerializer Serializer, DataContractSerializer UnqualifiedSerializer, object? Default)
{
    /// <summary>The type of the items when the argument is a list (<see cref="ValueTypes.ItemType"/>), else null.</summary>
    public Type? ItemType { get; } = ValueTypes.ItemType(Type);

    /// <summary>
    /// For a value the pipeline reads itself (text, UUIDs, integers), the serializer's conversion of its text, which
    /// <see cref="ValueTypes.IsXmlValue"/> has accepted; else null (the serializer reads it).
    /// </summary>
    public Func<string, object>? FromText { get; } = (Nullable.GetUnderlyingType(Type) ?? Type) switch
    {
        var t when t == typeof(string) => static text => text,
        // What XmlConvert and the serializer's XmlConverter do: Guid's own parse (which trims), Int32's with XML's styles.
        var t when t == typeof(Guid) => static text => Guid.Parse(text),
        var t when t == typeof(int) => static text => int.Parse(text, ValueTypes.XmlInteger, NumberFormatInfo.InvariantInfo),
        _ => null,
    };
}
