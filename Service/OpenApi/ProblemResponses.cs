using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.Rest;

namespace TweetsSoap.Service.OpenApi;

/// <summary>
/// The problem-details answers of a route, from the codes the contract operation declares plus those every route
/// can answer. Each status has one code, so each code is one shared response component that routes refer to.
/// </summary>
public static class ProblemResponses
{
    public const string SchemaId = nameof(Problem);

    /// <summary>The 415 answer is a <see cref="ErrorCode.MalformedRequest"/> with Kestrel's more precise status.</summary>
    public const string UnsupportedMediaType = nameof(UnsupportedMediaType);

    /// <summary>What any route may answer: an unexpected error, a database outage.</summary>
    private static readonly ErrorCode[] Always = [ErrorCode.InternalError, ErrorCode.Unavailable];

    /// <param name="contract">The operation the route runs.</param>
    /// <param name="hasPathIds">Whether the path holds ids, which a value that is not a UUID makes match no route.</param>
    /// <param name="readsTypedInput">Whether a body or a query value that must be a number or id can fail to be read.</param>
    public static IReadOnlyList<ErrorCode> CodesOf(ContractOperation contract, bool hasPathIds, bool readsTypedInput)
    {
        var codes = new HashSet<ErrorCode>(contract.DeclaredCodes.Concat(Always));
        if (readsTypedInput)
        {
            codes.Add(ErrorCode.MalformedRequest);
        }

        if (contract.NeedsCredentials)
        {
            codes.Add(ErrorCode.Throttled);
        }

        if (hasPathIds)
        {
            // A path id that is not a UUID matches no route.
            codes.Add(ErrorCode.NotFound);
        }

        return [.. codes.OrderBy(Problems.StatusOf)];
    }

    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, ContractOperation contract,
        bool hasPathIds, bool hasBody, bool readsTypedQuery, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        if (document.Components?.Responses?.ContainsKey(UnsupportedMediaType) != true)
        {
            await AddComponentsAsync(document, context, cancellationToken);
        }

        operation.Responses ??= [];
        foreach (var code in CodesOf(contract, hasPathIds, hasBody || readsTypedQuery))
        {
            operation.Responses[Status(Problems.StatusOf(code))] = new OpenApiResponseReference(code.ToString(), document);
        }

        if (hasBody)
        {
            operation.Responses[Status(StatusCodes.Status415UnsupportedMediaType)] = new OpenApiResponseReference(UnsupportedMediaType, document);
        }
    }

    private static async Task AddComponentsAsync(OpenApiDocument document, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        document.AddComponent(SchemaId, await context.GetOrCreateSchemaAsync(typeof(Problem), null, cancellationToken));
        var schema = new OpenApiSchemaReference(SchemaId, document);
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            document.AddComponent<IOpenApiResponse>(code.ToString(), Response(schema, code, Problems.StatusOf(code), $"`{code}`: {Problems.TitleOf(code)}"));
        }

        document.AddComponent<IOpenApiResponse>(UnsupportedMediaType, Response(schema, ErrorCode.MalformedRequest, StatusCodes.Status415UnsupportedMediaType,
            $"`{ErrorCode.MalformedRequest}`: the body was not sent as `application/json`."));
    }

    private static OpenApiResponse Response(IOpenApiSchema schema, ErrorCode code, int status, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [Problems.MediaType] = new() { Schema = schema, Example = Example(code, status) },
        },
        Headers = code switch
        {
            ErrorCode.Unauthenticated => new Dictionary<string, IOpenApiHeader> { ["WWW-Authenticate"] = Header($"`{BasicCredentials.Challenge}`") },
            ErrorCode.Throttled => new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait, as in `retryAfterSeconds`.") },
            _ => null,
        },
    };

    private static string Status(int status) => status.ToString(CultureInfo.InvariantCulture);

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    /// <summary>A problem as the service writes it; the detail is the code's own doc text.</summary>
    private static JsonNode? Example(ErrorCode code, int status)
    {
        var detail = DocText.Markdown(ContractDocs.Part(ContractDocs.Shared.OfEnumValue(typeof(ErrorCode), code.ToString()), "summary"));
        var problem = Problems.From(new ServiceFault
        {
            Code = code,
            Message = detail.Replace("`", "", StringComparison.Ordinal),
            CorrelationId = "0HNAB12CD34EF:00000001",
            RetryAfterSeconds = code == ErrorCode.Throttled ? 60 : null,
        }) with { Status = status };
        return JsonSerializer.SerializeToNode(problem, RestJson.Default.Problem);
    }
}
