using System.Reflection;
using System.Runtime.Serialization;
using System.ServiceModel;

namespace TweetsSoap.Service.Help;

/// <summary>An operation as the contract declares it, read by reflection so new operations show up by themselves.</summary>
public sealed record OperationModel(
    string Name,
    string Action,
    MethodInfo Method,
    IReadOnlyList<ParameterModel> Parameters,
    Type? Result,
    IReadOnlyList<Type> Faults);

public sealed record ParameterModel(string Name, Type Type, bool Optional);

public static class ContractModel
{
    public static IReadOnlyList<OperationModel> Operations(Type contract, IReadOnlyDictionary<string, string> actions) =>
    [
        .. contract.GetMethods()
            .Select(m => (Method: m, Contract: m.GetCustomAttribute<OperationContractAttribute>()))
            .Where(m => m.Contract is not null)
            .Select(m =>
            {
                var name = m.Contract!.Name ?? m.Method.Name;
                return new OperationModel(
                    name,
                    actions.GetValueOrDefault(name, ""),
                    m.Method,
                    [.. m.Method.GetParameters().Select(p => new ParameterModel(p.Name!, p.ParameterType, IsOptional(p)))],
                    ResultType(m.Method.ReturnType),
                    [.. m.Method.GetCustomAttributes<FaultContractAttribute>().Select(f => f.DetailType)]);
            }),
    ];

    /// <summary>The data contract properties of a type, in wire order.</summary>
    public static IReadOnlyList<(PropertyInfo Property, DataMemberAttribute Member)> Members(Type type) =>
    [
        .. type.GetProperties()
            .Select(p => (Property: p, Member: p.GetCustomAttribute<DataMemberAttribute>()!))
            .Where(p => p.Member is not null)
            .OrderBy(p => p.Member.Order)
            .ThenBy(p => p.Member.Name ?? p.Property.Name, StringComparer.Ordinal),
    ];

    public static string WireName(PropertyInfo property, DataMemberAttribute member) => member.Name ?? property.Name;

    /// <summary>Every data contract (class or enum) reachable from the operations, each once, in order of first use.</summary>
    public static IReadOnlyList<Type> DataContracts(IEnumerable<OperationModel> operations)
    {
        var found = new List<Type>();
        void Visit(Type? type)
        {
            type = type is null ? null : ElementType(Nullable.GetUnderlyingType(type) ?? type);
            if (type is null || found.Contains(type) || type.GetCustomAttribute<DataContractAttribute>() is null)
            {
                return;
            }

            found.Add(type);
            foreach (var (property, _) in Members(type))
            {
                Visit(property.PropertyType);
            }
        }

        foreach (var operation in operations)
        {
            operation.Parameters.ToList().ForEach(p => Visit(p.Type));
            Visit(operation.Result);
            operation.Faults.ToList().ForEach(Visit);
        }

        return found;
    }

    /// <summary>A short XSD-like name for a type: string, guid, int, dateTime, list of Tweet.</summary>
    public static string TypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (ElementType(type) is { } element && element != type)
        {
            return "list of " + TypeName(element);
        }

        if (type.IsEnum)
        {
            return type.GetCustomAttribute<DataContractAttribute>()?.Name ?? type.Name;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Boolean => "boolean",
            TypeCode.DateTime => "dateTime",
            TypeCode.Decimal => "decimal",
            TypeCode.Double => "double",
            _ when type == typeof(Guid) => "guid",
            _ => type.GetCustomAttribute<DataContractAttribute>()?.Name ?? type.Name,
        };
    }

    public static bool IsDataContract(Type type) =>
        ElementType(Nullable.GetUnderlyingType(type) ?? type) is { } t && t.GetCustomAttribute<DataContractAttribute>() is not null;

    /// <summary>The item type of a list or array, else the type itself.</summary>
    public static Type ElementType(Type type) =>
        type == typeof(string) ? type
        : type.IsArray ? type.GetElementType()!
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0] ?? type;

    private static Type? ResultType(Type returnType) =>
        returnType == typeof(void) || returnType == typeof(Task) ? null
        : returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
        : returnType;

    private static bool IsOptional(ParameterInfo parameter) =>
        Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable);
}
