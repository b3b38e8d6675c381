using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Help;

/// <summary>
/// The root page: the services, each with its help page and WSDL, and each operation beside the JSON route that runs
/// it, so the two published contracts can be read side by side.
/// </summary>
public static class IndexPage
{
    public static string Render(ContractDocs docs, ILookup<RestOperation, string> routes)
    {
        var html = Layout.Start("Services").Raw("<header>").Element("h1", "TweetsSoap services")
            .Raw("<p>Every operation has two faces: SOAP 1.1 and 1.2, described by each service's <a href=\"#contracts\">WSDL</a>, and JSON under ")
            .Element("code", RestGate.Prefix).Raw(", described by one <a").Attr("href", OpenApiSetup.DocumentPath).Raw(">OpenAPI 3.1 document</a> with an <a")
            .Attr("href", OpenApiSetup.ReferencePath).Raw(">interactive reference</a>.</p></header><main id=\"contracts\">");
        SideBySide(html);
        html.Raw("<ul class=\"services\">");
        foreach (var endpoint in SoapEndpoint.All)
        {
            html.Raw("<li><h2><a").Attr("href", endpoint.Path).Raw(">").Text(endpoint.Name).Raw("</a></h2><p>")
                .Doc(ContractDocs.Part(docs.OfType(endpoint.Contract), "summary"))
                .Raw("</p><p>Address ").Element("code", endpoint.Path).Raw(" &middot; <a").Attr("href", endpoint.Path + "?wsdl").Raw(">WSDL</a>")
                .Raw(" &middot; <a").Attr("href", OpenApiSetup.DocumentPath).Raw(">OpenAPI</a></p>");
            html.Raw("<table class=\"faces\"><thead><tr><th>Operation</th><th>SOAP (WSDL)</th><th>JSON (OpenAPI)</th></tr></thead><tbody>");
            foreach (var operation in ContractModel.Operations(endpoint.Contract, endpoint.ActionsByOperation))
            {
                html.Raw("<tr").Attr("data-operation", operation.Name).Raw("><td><a").Attr("href", $"{endpoint.Path}#op-{operation.Name}").Raw(">")
                    .Text(operation.Name).Raw("</a></td><td class=\"soap\">POST ").Element("code", endpoint.Path).Raw(" action ").Element("code", operation.Action)
                    .Raw("</td><td class=\"json\">");
                foreach (var route in routes[new RestOperation(endpoint.Name, operation.Name)])
                {
                    html.Element("code", route).Raw(" ");
                }

                html.Raw("</td></tr>");
            }

            html.Raw("</tbody></table></li>");
        }

        return Layout.End(html.Raw("</ul>")).ToString();
    }

    /// <summary>The operation shown in both contracts when the page opens: the one the README's request posts.</summary>
    public const string FirstCompared = "TweetService.PostTweet";

    /// <summary>
    /// One operation's part of each published document, next to each other. The script cuts the parts out of the
    /// documents as served (<c>?wsdl</c> with its schema, the OpenAPI document), so what is shown is what clients read;
    /// without script the links to both documents remain.
    /// </summary>
    private static void SideBySide(Html html)
    {
        var first = SoapEndpoint.All.Single(e => FirstCompared.StartsWith(e.Name + ".", StringComparison.Ordinal));
        html.Raw("<section id=\"side-by-side\" class=\"side-by-side\"").Attr("data-openapi", OpenApiSetup.DocumentPath)
            .Attr("data-reference", OpenApiSetup.ReferencePath).Raw("><h2>One operation, both contracts</h2>")
            .Raw("<p><label>Operation <select name=\"operation\">");
        foreach (var endpoint in SoapEndpoint.All)
        {
            html.Raw("<optgroup").Attr("label", endpoint.Name).Raw(">");
            foreach (var operation in ContractModel.Operations(endpoint.Contract, endpoint.ActionsByOperation))
            {
                var key = $"{endpoint.Name}.{operation.Name}";
                html.Raw("<option").Attr("value", key).Attr("data-path", endpoint.Path).Raw(key == FirstCompared ? " selected>" : ">").Text(operation.Name).Raw("</option>");
            }

            html.Raw("</optgroup>");
        }

        html.Raw("</select></label> Each part is cut out of the document as served and shown as written there; the prefixes are those the document's root declares.</p><div class=\"panes\">")
            .Raw("<figure class=\"wsdl\"><figcaption>SOAP: its part of the WSDL and schema &middot; <a class=\"help\"").Attr("href", $"{first.Path}#op-{FirstCompared.Split('.')[1]}")
            .Raw(">help page</a> &middot; <a class=\"document\"").Attr("href", first.Path + "?wsdl").Raw(">WSDL</a></figcaption>")
            .Raw("<pre class=\"part\">The WSDL part needs JavaScript; the links above open the whole documents.</pre></figure>")
            .Raw("<figure class=\"openapi\"><figcaption>JSON: its part of the OpenAPI document &middot; <a class=\"reference\"").Attr("href", OpenApiSetup.ReferencePath)
            .Raw(">reference</a> &middot; <a class=\"document\"").Attr("href", OpenApiSetup.DocumentPath).Raw(">OpenAPI</a></figcaption>")
            .Raw("<pre class=\"part\">The OpenAPI part needs JavaScript; the links above open the whole documents.</pre></figure></div></section>");
    }
}
