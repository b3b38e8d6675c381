using System.Xml.Linq;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Soap;

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

internal static class ProxiedRequest
{
    /// <summary>The SOAP 1.1 port's address in the WSDL, fetched as a proxy would forward an https request for tweets.example.org.</summary>
    public static async Task<string> WsdlAddressAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "UserService.svc?wsdl");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "tweets.example.org");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await http.SendAsync(request);
        var wsdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return wsdl.Descendants(XName.Get("address", "http://schemas.xmlsoap.org/wsdl/soap/")).First().Attribute("location")!.Value;
    }
}
