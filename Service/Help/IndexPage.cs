using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Rest;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Help;

/// <summary>The root page: the services, each with its help page and WSDL.</summary>
public static class IndexPage
{
    public static string Render(ContractDocs docs)
    {
        var html = Layout.Start("Services").Raw("<header>").Element("h1", "TweetsSoap services").Raw("</header><main><ul class=\"services\">");
        foreach (var endpoint in SoapEndpoint.All)
        {
            html.Raw("<li><h2><a").Attr("href", endpoint.Path).Raw(">").Text(endpoint.Name).Raw("</a></h2><p>")
                .Doc(ContractDocs.Part(docs.OfType(endpoint.Contract), "summary"))
                .Raw("</p><p>Address ").Element("code", endpoint.Path).Raw(" &middot; <a").Attr("href", endpoint.Path + "?wsdl").Raw(">WSDL</a></p></li>");
        }

        html.Raw("</ul><section class=\"json-face\"><h2>JSON face</h2><p>The same operations as JSON under ").Element("code", RestGate.Prefix)
            .Raw(", with HTTP Basic credentials and problem-details errors. Contract: <a").Attr("href", OpenApiSetup.DocumentPath).Raw(">OpenAPI 3.1</a>.</p></section>");
        return Layout.End(html).ToString();
    }
}
