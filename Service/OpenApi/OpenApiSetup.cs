using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TweetsSoap.Service.Rest;

namespace TweetsSoap.Service.OpenApi;

/// <summary>
/// The JSON face's published contract: an OpenAPI 3.1 document generated from the <c>/api</c> routes themselves, with
/// the prose of the contract's XML doc comments, the same text the WSDL help pages show.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    public static IServiceCollection AddTweetsOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // Only the contract's routes: /ping, health and metrics are for operators, not integrators.
            options.ShouldInclude = description => description.ActionDescriptor.EndpointMetadata.OfType<RestOperation>().Any();
            options.AddDocumentTransformer<DocumentDocs>();
            options.AddOperationTransformer<OperationDocs>();
            options.AddSchemaTransformer<SchemaDocs>();
        });

    /// <summary>The interactive reference of the JSON face, beside the SOAP help pages.</summary>
    public const string ReferencePath = "/reference/";

    public static WebApplication MapTweetsOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        // Scalar serves its script from the package (no CDN by default); fonts, telemetry, the request proxy and the
        // AI agent would call out to scalar.com, which users on a closed network cannot reach and need not be told of.
        app.MapScalarApiReference(ReferencePath.TrimEnd('/'), options => options
            .WithTitle("TweetsSoap JSON API reference")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton()
            .AddPreferredSecuritySchemes([DocumentDocs.BasicScheme]));
        return app;
    }
}
