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
            .Attr("href", OpenApiSetup.ReferencePath).Raw(">interactive reference</a>.</p></header><main id=\"contracts\"><ul class=\"services\">");
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
}
