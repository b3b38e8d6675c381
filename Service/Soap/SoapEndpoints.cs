using System.Collections.Frozen;
using System.Reflection;
using TweetsSoap.Contracts;
using SoapServiceDescription = SoapCore.ServiceModel.ServiceDescription;

namespace TweetsSoap.Service.Soap;

/// <summary>One published SOAP service: where it lives and the actions its contract declares.</summary>
public sealed class SoapEndpoint
{
    private SoapEndpoint(string path, Type contract)
    {
        Path = path;
        Contract = contract;
        var description = new SoapServiceDescription(contract, generateSoapActionWithoutContractName: false);
        Name = description.GeneralContract.Name;
        Namespace = description.GeneralContract.Namespace;
        ActionsByOperation = description.Operations.ToFrozenDictionary(o => o.Name, o => o.SoapAction, StringComparer.Ordinal);
        Actions = ActionsByOperation.Values.ToFrozenSet(StringComparer.Ordinal);
        var nullability = new NullabilityInfoContext();
        OptionalParameters = description.Operations.ToFrozenDictionary(
            o => o.Name,
            o => o.InParameters.Where(p => nullability.Create(p.Parameter).WriteState == NullabilityState.Nullable).Select(p => p.Name).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        ParameterTypes = description.Operations.ToFrozenDictionary(
            o => o.Name,
            o => o.InParameters.ToFrozenDictionary(p => p.Name, p => p.Parameter.ParameterType, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public string Path { get; }

    public Type Contract { get; }

    /// <summary>The contract's name, e.g. <c>TweetService</c>; bindings and ports are named after it.</summary>
    public string Name { get; }

    /// <summary>The namespace of the contract, and so of every operation's wrapper element.</summary>
    public string Namespace { get; }

    /// <summary>The soapAction of each operation, by operation name.</summary>
    public FrozenDictionary<string, string> ActionsByOperation { get; }

    /// <summary>
    /// The parameters a caller may leave out, by operation: those the contract declares nullable (<c>Guid?</c>,
    /// <c>string?</c>). The WSDL gives them <c>minOccurs="0"</c>; both request paths read an absent one as null.
    /// </summary>
    public FrozenDictionary<string, FrozenSet<string>> OptionalParameters { get; }

    /// <summary>The soapAction of every operation, exactly as the WSDL declares them.</summary>
    public FrozenSet<string> Actions { get; }

    /// <summary>The type of each parameter (its element name in the operation's wrapper), by operation name.</summary>
    public FrozenDictionary<string, FrozenDictionary<string, Type>> ParameterTypes { get; }

    public static IReadOnlyList<SoapEndpoint> All { get; } =
    [
        new("/UserService.svc", typeof(IUserService)),
        new("/TweetService.svc", typeof(ITweetService)),
        new("/SocialService.svc", typeof(ISocialService)),
    ];

    /// <summary>The endpoint whose path is <paramref name="path"/> or a prefix of it.</summary>
    public static SoapEndpoint? Find(PathString path, out PathString remaining)
    {
        foreach (var endpoint in All)
        {
            if (path.StartsWithSegments(endpoint.Path, StringComparison.OrdinalIgnoreCase, out remaining))
            {
                return endpoint;
            }
        }

        remaining = default;
        return null;
    }
}
