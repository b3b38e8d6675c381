using System.Net;
using System.Reflection;
using System.ServiceModel;
using System.Xml.Linq;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Help;

/// <summary>The help pages over plain HTTP: what a browser with JavaScript off, or curl, gets.</summary>
[TestClass]
public sealed class HelpPageTests : ServiceTests<HelpPageTests>
{
    public static IEnumerable<object[]> Endpoints => SoapEndpoint.All.Select(e => new object[] { e.Path });

    [TestMethod]
    public async Task Root_ListsEveryServiceWithItsHelpPageAndWsdl()
    {
        using var response = await Service.Http.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var endpoint in SoapEndpoint.All)
        {
            StringAssert.Contains(page, $"href=\"{endpoint.Path}\"");
            StringAssert.Contains(page, $"href=\"{endpoint.Path}?wsdl\"");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task ServiceAddressWithoutQuery_ServesHelpWithEveryOperationItsDocsAndSamples(string path)
    {
        var endpoint = SoapEndpoint.All.Single(e => e.Path == path);

        using var response = await Service.Http.GetAsync(path.TrimStart('/'));
        var page = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        foreach (var method in endpoint.Contract.GetMethods().Where(m => m.GetCustomAttribute<OperationContractAttribute>() is not null))
        {
            StringAssert.Contains(page, $"id=\"op-{method.Name}\"");
            StringAssert.Contains(page, WebUtility.HtmlEncode(endpoint.ActionsByOperation[method.Name]));
        }

        StringAssert.Contains(page, "SOAP 1.1 request");
        StringAssert.Contains(page, "SOAP 1.2 response");
        StringAssert.Contains(page, "id=\"type-ServiceFault\"");
        StringAssert.Contains(page, "id=\"type-ErrorCode\"");
    }

    [TestMethod]
    public async Task HelpPage_ShowsTheContractsDocComments()
    {
        var page = await Service.Http.GetStringAsync("TweetService.svc");

        StringAssert.Contains(page, "Posts a tweet as the caller, optionally as a reply or a quote, and returns it. Needs a UsernameToken.");
        StringAssert.Contains(page, "Weighted length 1 to 280 as Twitter counts it: URLs 23, emoji and most non-Latin characters 2, others 1.");
        StringAssert.Contains(page, "Faults: Unauthenticated, ValidationFailed (empty, too long, invalid characters), NotFound (the replied-to");
        StringAssert.Contains(page, "The user or tweet named in the request does not exist.");
    }

    [TestMethod]
    [DataRow("TweetService.svc", "PostTweet")]
    [DataRow("UserService.svc", "SignUp")]
    public async Task HelpPage_SamplesOfIdempotentCreates_LeaveOutTheClientRequestId(string path, string operation)
    {
        var page = await Service.Http.GetStringAsync(path);
        var section = page[page.IndexOf($"id=\"op-{operation}\"", StringComparison.Ordinal)..];
        var next = section.IndexOf("id=\"op-", 10, StringComparison.Ordinal);
        section = next > 0 ? section[..next] : section;

        StringAssert.Contains(section, "clientRequestId", "the field is documented");
        Assert.DoesNotContain("&lt;clientRequestId&gt;", section, "a fixed id in the try-it sample would turn a second post of edited text into a Conflict");
    }

    [TestMethod]
    [DynamicData(nameof(Endpoints))]
    public async Task ServiceAddressWithWsdlQuery_StillServesTheWsdl(string path)
    {
        var text = await Service.Http.GetStringAsync(path.TrimStart('/') + "?wsdl");

        Assert.AreEqual("definitions", XDocument.Parse(text).Root!.Name.LocalName);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("TweetService.svc")]
    [DataRow("help/help.js")]
    public async Task HelpPages_SendAContentSecurityPolicyWithoutInlineCode(string path)
    {
        using var response = await Service.Http.GetAsync(path);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        StringAssert.Contains(policy, "default-src 'none'");
        StringAssert.Contains(policy, "script-src 'self'");
        StringAssert.Contains(policy, "connect-src 'self'");
        Assert.DoesNotContain("unsafe-inline", policy);
    }

    [TestMethod]
    public async Task HelpPage_HasNoInlineScriptOrStyle()
    {
        var page = await Service.Http.GetStringAsync("UserService.svc");

        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("<style", page);
        Assert.DoesNotContain(" style=", page);
        Assert.DoesNotContain(" onclick=", page);
    }
}
