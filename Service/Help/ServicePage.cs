using System.ServiceModel;
using TweetsSoap.Service.Soap.Pipeline;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Help;

/// <summary>The help page of one service: every operation with its docs, fields, faults, samples and a try-it panel.</summary>
public static class ServicePage
{
    public static string Render(SoapEndpoint endpoint, ContractDocs docs)
    {
        var operations = ContractModel.Operations(endpoint.Contract, endpoint.ActionsByOperation);
        var types = ContractModel.DataContracts(operations);
        var html = Layout.Start(endpoint.Name);
        html.Raw("<header><p class=\"crumbs\"><a href=\"/\">Services</a></p>").Element("h1", endpoint.Name)
            .Raw("<p>").Doc(ContractDocs.Part(docs.OfType(endpoint.Contract), "summary")).Raw("</p>")
            .Raw("<p>Address: ").Element("code", endpoint.Path).Raw(" &middot; <a").Attr("href", endpoint.Path + "?wsdl").Raw(">WSDL</a>")
            .Raw(" &middot; SOAP 1.1 (").Element("code", SoapPipeline.Soap11MediaType).Raw(") and SOAP 1.2 (")
            .Element("code", SoapPipeline.Soap12MediaType).Raw(")</p>")
            .Raw("<noscript><p class=\"note\">The try-it panels need JavaScript; everything else on this page works without it.</p></noscript>")
            .Raw("<nav><h2>Operations</h2><ul>");
        foreach (var operation in operations)
        {
            html.Raw("<li><a").Attr("href", "#op-" + operation.Name).Raw(">").Text(operation.Name).Raw("</a></li>");
        }

        html.Raw("</ul></nav></header><main>");
        foreach (var operation in operations)
        {
            OperationSection.Render(html, endpoint, operation, docs);
        }

        TypesSection(html, types, docs);
        FaultsSection(html);
        return Layout.End(html).ToString();
    }

    private static void TypesSection(Html html, IReadOnlyList<Type> types, ContractDocs docs)
    {
        html.Raw("<section id=\"types\"><h2>Types</h2>");
        foreach (var type in types)
        {
            var name = ContractModel.TypeName(type);
            html.Raw("<article class=\"type\"").Attr("id", "type-" + name).Raw(">").Element("h3", name)
                .Raw("<p>").Doc(ContractDocs.Part(docs.OfType(type), "summary")).Raw("</p>");
            if (type.IsEnum)
            {
                html.Raw("<table><thead><tr><th>Value</th><th>Meaning</th></tr></thead><tbody>");
                foreach (var value in Enum.GetNames(type))
                {
                    html.Raw("<tr><td>").Element("code", value).Raw("</td><td>")
                        .Doc(ContractDocs.Part(docs.OfEnumValue(type, value), "summary")).Raw("</td></tr>");
                }
            }
            else
            {
                html.Raw("<table><thead><tr><th>Field</th><th>Type</th><th></th><th>Meaning</th></tr></thead><tbody>");
                foreach (var (property, member) in ContractModel.Members(type))
                {
                    html.Raw("<tr><td>").Element("code", ContractModel.WireName(property, member)).Raw("</td><td>");
                    TypeReference(html, property.PropertyType);
                    html.Raw("</td><td>").Text(member.IsRequired ? "required" : "optional").Raw("</td><td>")
                        .Doc(ContractDocs.Part(docs.OfProperty(property), "summary")).Raw("</td></tr>");
                }
            }

            html.Raw("</tbody></table></article>");
        }

        html.Raw("</section>");
    }

    private static void FaultsSection(Html html)
    {
        html.Raw("<section id=\"faults\"><h2>Faults on the wire</h2><p>Every declared fault is a ")
            .Element("code", nameof(ServiceFault)).Raw(" in the fault detail, with HTTP status 500. Its ")
            .Element("code", "Code").Raw(" is a SOAP 1.1 <code>Client</code> / SOAP 1.2 <code>Sender</code> fault, except ")
            .Element("code", nameof(ErrorCode.InternalError)).Raw(" (<code>Server</code> / <code>Receiver</code>).</p>");
        Sample(html, "SOAP 1.1 fault", SampleEnvelopes.Fault(EnvelopeVersion.Soap11));
        Sample(html, "SOAP 1.2 fault", SampleEnvelopes.Fault(EnvelopeVersion.Soap12));
        html.Raw("</section>");
    }

    public static void TypeReference(Html html, Type type)
    {
        var name = ContractModel.TypeName(type);
        if (ContractModel.IsDataContract(type))
        {
            var target = ContractModel.TypeName(ContractModel.ElementType(Nullable.GetUnderlyingType(type) ?? type));
            html.Raw("<a").Attr("href", "#type-" + target).Raw(">").Text(name).Raw("</a>");
        }
        else
        {
            html.Text(name);
        }
    }

    public static void Sample(Html html, string title, string text, string? cssClass = null)
    {
        html.Raw("<details").Attr("class", "sample " + cssClass).Raw("><summary>").Text(title).Raw("</summary><pre>")
            .Text(text).Raw("</pre></details>");
    }
}
