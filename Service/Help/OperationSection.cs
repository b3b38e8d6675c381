using System.ServiceModel;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Service.Help;

/// <summary>One operation on a help page: prose, input and output fields, faults, samples and the try-it panel.</summary>
public static class OperationSection
{
    public static void Render(Html html, SoapEndpoint endpoint, OperationModel operation, ContractDocs docs)
    {
        var doc = docs.OfMethod(operation.Method);
        html.Raw("<section class=\"operation\"").Attr("id", "op-" + operation.Name).Attr("data-operation", operation.Name).Raw(">")
            .Element("h2", operation.Name)
            .Raw("<p>").Doc(ContractDocs.Part(doc, "summary")).Raw("</p>")
            .Raw("<p class=\"action\">SOAP action: ").Element("code", operation.Action).Raw("</p>");

        html.Raw("<h3>Input</h3>");
        if (operation.Parameters.Count == 0)
        {
            html.Raw("<p>No fields.</p>");
        }
        else
        {
            html.Raw("<table><thead><tr><th>Field</th><th>Type</th><th></th><th>Meaning</th></tr></thead><tbody>");
            foreach (var parameter in operation.Parameters)
            {
                html.Raw("<tr><td>").Element("code", parameter.Name).Raw("</td><td>");
                ServicePage.TypeReference(html, parameter.Type);
                html.Raw("</td><td>").Text(parameter.Optional ? "optional" : "required").Raw("</td><td>")
                    .Doc(ContractDocs.Param(doc, parameter.Name)).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("<h3>Output</h3><p>");
        if (operation.Result is { } result)
        {
            html.Element("code", operation.Name + "Result").Raw(": ");
            ServicePage.TypeReference(html, result);
        }
        else
        {
            html.Raw("An empty ").Element("code", operation.Name + "Response").Raw(".");
        }

        html.Raw("</p><h3>Faults</h3><p>");
        foreach (var fault in operation.Faults)
        {
            ServicePage.TypeReference(html, fault);
            html.Raw(" ");
        }

        html.Doc(ContractDocs.Part(doc, "remarks")).Raw("</p>");

        var request11 = SampleEnvelopes.Request(EnvelopeVersion.Soap11, endpoint.Namespace, operation);
        ServicePage.Sample(html, "SOAP 1.1 request", SampleEnvelopes.Headers(EnvelopeVersion.Soap11, endpoint.Path, operation.Action) + "\n\n" + request11);
        ServicePage.Sample(html, "SOAP 1.1 response", SampleEnvelopes.Response(EnvelopeVersion.Soap11, endpoint.Namespace, operation));
        ServicePage.Sample(html, "SOAP 1.2 request", SampleEnvelopes.Headers(EnvelopeVersion.Soap12, endpoint.Path, operation.Action) + "\n\n"
            + SampleEnvelopes.Request(EnvelopeVersion.Soap12, endpoint.Namespace, operation));
        ServicePage.Sample(html, "SOAP 1.2 response", SampleEnvelopes.Response(EnvelopeVersion.Soap12, endpoint.Namespace, operation));
        TryIt(html, endpoint, operation, request11);
        html.Raw("</section>");
    }

    /// <summary>Hidden until help.js wires it up, so a browser without JavaScript shows no dead controls.</summary>
    private static void TryIt(Html html, SoapEndpoint endpoint, OperationModel operation, string request)
    {
        var id = "try-" + operation.Name;
        html.Raw("<div class=\"try\" hidden><h3>Try it</h3><form").Attr("data-path", endpoint.Path).Attr("data-action", operation.Action).Raw(">")
            .Raw("<fieldset class=\"versions\"><legend>SOAP version</legend>")
            .Raw("<label><input type=\"radio\" name=\"version\" value=\"1.1\" checked> 1.1</label> ")
            .Raw("<label><input type=\"radio\" name=\"version\" value=\"1.2\"> 1.2</label></fieldset>")
            .Raw("<fieldset class=\"credentials\"><legend>UsernameToken (optional: adds the wsse:Security header)</legend>")
            .Raw("<label>Username <input name=\"username\" autocomplete=\"off\"></label> ")
            .Raw("<label>Password <input name=\"password\" type=\"password\" autocomplete=\"off\"></label></fieldset>")
            .Raw("<label").Attr("for", id).Raw(">Request envelope</label>")
            .Raw("<textarea name=\"envelope\" spellcheck=\"false\" rows=\"10\"").Attr("id", id).Raw(">").Text(request).Raw("</textarea>")
            .Raw("<p><button type=\"submit\">Send</button></p></form>")
            .Raw("<div class=\"result\" hidden aria-live=\"polite\"><p class=\"status\"></p><p class=\"fault-summary\"></p>")
            .Raw("<details class=\"sent\"><summary>Request sent</summary><pre class=\"sent-body\"></pre></details>")
            .Raw("<h4>Response headers</h4><pre class=\"response-headers\"></pre><h4>Response body</h4><pre class=\"response-body\"></pre></div></div>");
    }
}
