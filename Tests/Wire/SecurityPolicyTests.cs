using System.Xml.Linq;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// The bindings publish in WS-SecurityPolicy 1.2 that calls carry a UsernameToken, as WCF publishes message
/// credentials, so that policy-aware tools add the header themselves. Checked against the structure WS-SP 1.2 and
/// WS-Policy 1.5 give these assertions: every assertion's nested policy, the token's inclusion URI, and a
/// reference from each binding that resolves within the document.
/// </summary>
[TestClass]
public sealed class SecurityPolicyTests : ServiceTests<SecurityPolicyTests>
{
    public static readonly XNamespace Wsp = "http://www.w3.org/ns/ws-policy";
    public static readonly XNamespace Sp = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    private static readonly XNamespace Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";

    public static IEnumerable<object[]> Forms =>
        from endpoint in SoapEndpoint.All
        from form in new[] { "wsdl", "singleWsdl" }
        select new object[] { endpoint.Path.TrimStart('/'), form };

    [TestMethod]
    [DynamicData(nameof(Forms))]
    public async Task Bindings_OverPlainHttp_ReferAPolicyThatAsksForAUsernameTokenAndNoTransport(string path, string form)
    {
        var wsdl = XDocument.Parse(await Service.Http.GetStringAsync($"{path}?{form}")).Root!;

        var all = PolicyOfEveryBinding(wsdl);

        Assert.AreEqual(Sp + "SupportingTokens", all.Elements().Single().Name, "only the token: a transport binding would refuse http");
        AssertUsernameToken(all.Element(Sp + "SupportingTokens")!);
    }

    /// <summary>Finds the one policy every binding refers to and returns its one alternative, checking WS-Policy's frame.</summary>
    public static XElement PolicyOfEveryBinding(XElement wsdl)
    {
        var policies = wsdl.Elements(Wsp + "Policy").ToList();
        Assert.HasCount(1, policies);
        var id = (string?)policies[0].Attribute(Wsu + "Id");
        Assert.IsFalse(string.IsNullOrEmpty(id), "the policy has a wsu:Id to refer to");
        Assert.AreSame(policies[0], wsdl.Elements().First(), "the policy comes first, before wsdl:types, as WCF writes it");

        var bindings = wsdl.Elements(Wsdl + "binding").ToList();
        Assert.HasCount(2, bindings);
        foreach (var binding in bindings)
        {
            var reference = binding.Elements(Wsp + "PolicyReference").Single();
            Assert.AreEqual("#" + id, (string?)reference.Attribute("URI"), (string?)binding.Attribute("name"));
        }

        return policies[0].Elements().Single(e => e.Name == Wsp + "ExactlyOne").Elements().Single(e => e.Name == Wsp + "All");
    }

    /// <summary>A supporting-tokens assertion holding exactly a WSS 1.0 UsernameToken that is always sent to the service.</summary>
    public static void AssertUsernameToken(XElement supportingTokens)
    {
        var token = NestedPolicy(supportingTokens).Elements().Single();
        Assert.AreEqual(Sp + "UsernameToken", token.Name);
        Assert.AreEqual(Sp.NamespaceName + "/IncludeToken/AlwaysToRecipient", (string?)token.Attribute(Sp + "IncludeToken"));
        Assert.AreEqual(Sp + "WssUsernameToken10", NestedPolicy(token).Elements().Single().Name);
    }

    /// <summary>WS-SP 1.2 nests an assertion's parameters in exactly one <c>wsp:Policy</c>, its only element child.</summary>
    public static XElement NestedPolicy(XElement assertion)
    {
        var nested = assertion.Elements().ToList();
        Assert.HasCount(1, nested, $"{assertion.Name.LocalName} has one nested policy");
        Assert.AreEqual(Wsp + "Policy", nested[0].Name);
        return nested[0];
    }
}

/// <summary>Behind a TLS-terminating proxy the policy is WCF's <c>TransportWithMessageCredential</c>.</summary>
[TestClass]
[ServiceSettings("--ForwardedHeaders:KnownProxies:0=127.0.0.1")]
public sealed class HttpsSecurityPolicyTests : ServiceTests<HttpsSecurityPolicyTests>
{
    private static readonly XNamespace Sp = SecurityPolicyTests.Sp;

    [TestMethod]
    [DataRow("wsdl")]
    [DataRow("singleWsdl")]
    public async Task Bindings_OverHttps_ReferATransportBindingWithAUsernameTokenAsSignedSupportingToken(string form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"TweetService.svc?{form}");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "tweets.example.org");
        using var response = await Service.Http.SendAsync(request);
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        var all = SecurityPolicyTests.PolicyOfEveryBinding(wsdl);

        CollectionAssert.AreEqual(new[] { Sp + "TransportBinding", Sp + "SignedSupportingTokens" }, all.Elements().Select(e => e.Name).ToList());
        var transport = SecurityPolicyTests.NestedPolicy(all.Element(Sp + "TransportBinding")!);
        CollectionAssert.AreEqual(
            new[] { Sp + "TransportToken", Sp + "AlgorithmSuite", Sp + "Layout", Sp + "IncludeTimestamp" },
            transport.Elements().Select(e => e.Name).ToList(),
            "WS-SP 1.2 section 7.3: a transport binding names its token, algorithm suite, layout and timestamp");
        Assert.AreEqual(Sp + "HttpsToken", SecurityPolicyTests.NestedPolicy(transport.Element(Sp + "TransportToken")!).Elements().Single().Name);
        Assert.AreEqual(Sp + "Basic256", SecurityPolicyTests.NestedPolicy(transport.Element(Sp + "AlgorithmSuite")!).Elements().Single().Name);
        SecurityPolicyTests.AssertUsernameToken(all.Element(Sp + "SignedSupportingTokens")!);
        StringAssert.StartsWith(wsdl.Descendants().Single(e => e.Name.LocalName == "address" && e.Name.NamespaceName.EndsWith("/soap/", StringComparison.Ordinal)).Attribute("location")!.Value, "https://");
    }
}
