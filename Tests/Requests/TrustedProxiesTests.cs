using System.Xml.Linq;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Requests;

/// <summary>Behind a TLS-terminating proxy at a configured address, the WSDL names the public https address.</summary>
[TestClass]
[ServiceSettings("--ForwardedHeaders:KnownProxies:0=127.0.0.1")]
public sealed class TrustedProxyTests : ServiceTests<TrustedProxyTests>
{
    [TestMethod]
    public async Task ForwardedHeadersFromTheConfiguredProxy_SetTheWsdlAddress()
    {
        var address = await ProxiedRequest.WsdlAddressAsync(Service.Http);

        Assert.AreEqual("https://tweets.example.org/UserService.svc", address);
    }
}

/// <summary>Requests from anyone but the configured proxy cannot move the WSDL's address.</summary>
[TestClass]
[ServiceSettings("--ForwardedHeaders:KnownProxies:0=10.9.8.7", "--ForwardedHeaders:KnownNetworks:0=10.1.0.0/16")]
public sealed class UntrustedProxyTests : ServiceTests<UntrustedProxyTests>
{
    [TestMethod]
    public async Task ForwardedHeadersFromElsewhere_AreIgnored()
    {
        var address = await ProxiedRequest.WsdlAddressAsync(Service.Http);

        Assert.AreEqual(new Uri(Service.BaseAddress, "UserService.svc").ToString(), address);
    }
}

/// <summary>
/// With no proxy configured (the default), forwarded headers change nothing: not the WSDL's address, not the
/// address that is throttled and logged, whoever sends them.
/// </summary>
[TestClass]
public sealed class NoProxyTests : ServiceTests<NoProxyTests>
{
    [TestMethod]
    [DataRow("UserService.svc")]
    [DataRow("TweetService.svc")]
    [DataRow("SocialService.svc")]
    public async Task ForgedForwardedHostAndProto_DoNotMoveTheWsdlAddress(string path)
    {
        using var stranger = SourceAddress.Client(Service.BaseAddress, "127.0.0.2");

        var address = await ProxiedRequest.WsdlAddressAsync(stranger, path);

        Assert.AreEqual(new Uri(Service.BaseAddress, path).ToString(), address);
    }

    [TestMethod]
    [DataRow(Face.Soap11, "127.0.0.3")]
    [DataRow(Face.Soap12, "127.0.0.4")]
    [DataRow(Face.Json, "127.0.0.5")]
    public async Task ForgedForwardedFor_IsNotTheAddressTheSecurityLogRecords(Face face, string source)
    {
        using var client = SourceAddress.Client(Service.BaseAddress, source);

        var attempt = await Logins.AttemptAsync(client, face, SoapClients.UniqueUsername(), "wrong password", forwardedFor: "203.0.113.66");

        Assert.AreEqual("Unauthenticated", attempt.Code);
        var loginFailed = SecurityEvents.Single(Service.Log, 101, attempt.CorrelationId!);
        Assert.AreEqual(source, loginFailed.Fields["ClientAddress"]);
    }

    [TestMethod]
    [DataRow(Face.Soap11, "127.0.0.11", "127.0.0.12")]
    [DataRow(Face.Soap12, "127.0.0.13", "127.0.0.14")]
    [DataRow(Face.Json, "127.0.0.15", "127.0.0.16")]
    public async Task RotatingForwardedFor_DoesNotEscapeTheLoginThrottle(Face face, string rotating, string plain)
    {
        var withForgedAddresses = await SecurityEvents.GuessAsync(Service.BaseAddress, face, rotating, SoapClients.UniqueUsername(), i => $"198.51.100.{i + 1}");
        var withoutForwarding = await SecurityEvents.GuessAsync(Service.BaseAddress, face, plain, SoapClients.UniqueUsername(), _ => null);

        CollectionAssert.AreEqual(withoutForwarding, withForgedAddresses, "a new X-Forwarded-For on each attempt must not buy a new budget");
        CollectionAssert.Contains(withoutForwarding, "Throttled", "the login throttle stops a run of wrong passwords for one account from one address");
    }
}

/// <summary>With 127.0.0.2 configured as the proxy, its forwarded headers count and nobody else's do.</summary>
[TestClass]
[ServiceSettings("--ForwardedHeaders:KnownProxies:0=127.0.0.2")]
public sealed class ConfiguredProxyTests : ServiceTests<ConfiguredProxyTests>
{
    [TestMethod]
    public async Task TheProxysForwardedHeaders_SetTheWsdlAddress()
    {
        using var proxy = SourceAddress.Client(Service.BaseAddress, "127.0.0.2");

        Assert.AreEqual("https://tweets.example.org/UserService.svc", await ProxiedRequest.WsdlAddressAsync(proxy));
    }

    [TestMethod]
    public async Task AnotherSendersForwardedHeaders_DoNotSetTheWsdlAddress()
    {
        using var stranger = SourceAddress.Client(Service.BaseAddress, "127.0.0.3");

        Assert.AreEqual(new Uri(Service.BaseAddress, "UserService.svc").ToString(), await ProxiedRequest.WsdlAddressAsync(stranger));
    }

    [TestMethod]
    [DataRow(Face.Soap11)]
    [DataRow(Face.Soap12)]
    [DataRow(Face.Json)]
    public async Task OnlyTheProxysForwardedFor_NamesTheClient(Face face)
    {
        using var proxy = SourceAddress.Client(Service.BaseAddress, "127.0.0.2");
        using var stranger = SourceAddress.Client(Service.BaseAddress, "127.0.0.3");

        var viaProxy = await Logins.AttemptAsync(proxy, face, SoapClients.UniqueUsername(), "wrong password", forwardedFor: "203.0.113.7");
        var direct = await Logins.AttemptAsync(stranger, face, SoapClients.UniqueUsername(), "wrong password", forwardedFor: "203.0.113.8");

        Assert.AreEqual("203.0.113.7", SecurityEvents.Single(Service.Log, 101, viaProxy.CorrelationId!).Fields["ClientAddress"]);
        Assert.AreEqual("127.0.0.3", SecurityEvents.Single(Service.Log, 101, direct.CorrelationId!).Fields["ClientAddress"]);
    }
}

internal static class ProxiedRequest
{
    /// <summary>The SOAP 1.1 port's address in the WSDL, fetched as a proxy would forward an https request for tweets.example.org.</summary>
    public static async Task<string> WsdlAddressAsync(HttpClient http, string path = "UserService.svc")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{path}?wsdl");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "tweets.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await http.SendAsync(request);
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return wsdl.Descendants(XName.Get("address", "http://schemas.xmlsoap.org/wsdl/soap/")).First().Attribute("location")!.Value;
    }
}
