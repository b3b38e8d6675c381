using System.Collections.Frozen;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.OpenApi;

/// <summary>The contract operation a route runs, with its doc comment: where the JSON face's documentation comes from.</summary>
public sealed partial record ContractOperation(SoapEndpoint Endpoint, OperationModel Model, XElement? Doc)
{
    private static readonly FrozenDictionary<string, ContractOperation> All = SoapEndpoint.All
        .SelectMany(e => ContractModel.Operations(e.Contract, e.ActionsByOperation)
            .Select(o => new ContractOperation(e, o, ContractDocs.Shared.OfMethod(o.Method))))
        .ToFrozenDictionary(o => Key(o.Endpoint.Name, o.Model.Name), StringComparer.Ordinal);

    public static ContractOperation Of(RestOperation route) =>
        All.GetValueOrDefault(Key(route.Service, route.Operation))
        ?? throw new InvalidOperationException($"The route runs {route.Service}.{route.Operation}, which no contract declares.");

    public static ContractOperation Of(Type contract, string operation) => All[Key(SoapEndpoint.All.Single(e => e.Contract == contract).Name, operation)];

    public string Summary => DocText.Markdown(ContractDocs.Part(Doc, "summary"));

    public string Remarks => DocText.Markdown(ContractDocs.Part(Doc, "remarks"));

    public string ParameterDoc(string name) => DocText.Markdown(ContractDocs.Param(Doc, name));

    /// <summary>
    /// The codes the remarks name (<c>Faults: Unauthenticated, NotFound ...</c>): the same list the help pages show
    /// for the SOAP face, so a code added there reaches the OpenAPI document too.
    /// </summary>
    public IReadOnlyList<ErrorCode> DeclaredCodes =>
        [.. Enum.GetValues<ErrorCode>().Where(code => Regex.IsMatch(Remarks, $@"\b{code}\b", RegexOptions.None, TimeSpan.FromSeconds(1)))];

    /// <summary>An operation that answers <see cref="ErrorCode.Unauthenticated"/> checks the caller's credentials.</summary>
    public bool NeedsCredentials => DeclaredCodes.Contains(ErrorCode.Unauthenticated);

    private static string Key(string service, string operation) => service + "." + operation;
}
