using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Help;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.OpenApi;

/// <summary>The document's frame: title, the HTTP Basic scheme, one tag per contract with the contract's own summary.</summary>
public sealed class DocumentDocs : IOpenApiDocumentTransformer
{
    public const string BasicScheme = "basic";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TweetsSoap JSON API",
            Version = Namespaces.V1,
            Description = DocText.Paragraphs(
                $"The JSON face of the TweetsSoap services under `{RestGate.Prefix}`: every route runs the same operation as the SOAP "
                + "face, with the same rules, paging tokens and error codes. Names, doc text and codes here are those of the WSDL contracts.",
                "Where the contract says *UsernameToken*, send HTTP Basic credentials (`Authorization: Basic base64(username:password)`).",
                $"Errors are RFC 9457 problem details (`{Problems.MediaType}`) whose `code` is the contract's `ErrorCode`, "
                + "the same code a SOAP client finds in the fault's `ServiceFault` detail."),
        };

        // Relative to wherever the document is served, so the committed copy is the same on every host.
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BasicScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "A user's username and password (RFC 7617, UTF-8): the JSON counterpart of the WS-Security UsernameToken (PasswordText).",
        };
        document.Tags = new HashSet<OpenApiTag>(SoapEndpoint.All.Select(e => new OpenApiTag
        {
            Name = e.Name,
            Description = DocText.Markdown(ContractDocs.Part(ContractDocs.Shared.OfType(e.Contract), "summary")),
        }));
        SchemaDocs.DescribeReferences(document);
        return Task.CompletedTask;
    }
}
