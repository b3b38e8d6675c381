using System.Text.Json;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Interop;

/// <summary>
/// The code generators and clients of other stacks (Debian's jaxws, gsoap, libsoap-wsdl-perl and php-soap) take the
/// served WSDLs as they are, with no workaround: what <c>docs/interop.md</c> tells their users to type.
/// </summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class ToolkitTests : ServiceTests<ToolkitTests>
{
    private static IEnumerable<string> WsdlUrls => SoapEndpoint.All.Select(e => new Uri(Service.BaseAddress, e.Path.TrimStart('/') + "?wsdl").ToString());

    [TestMethod]
    public async Task Wsimport_GivenTheThreeWsdls_DefinesEachTypeOnceAndOneFaultPerService()
    {
        using var together = new TemporaryFolder();
        using var apart = new TemporaryFolder();

        // All three in one run used to fail on the types every WSDL defined inline ("'ArrayOfLookupProblem' is already
        // defined"). JAX-WS RI 2.3 then generates the interface of the last WSDL only, so users run it once per WSDL.
        var (stdout, stderr) = await Tool.RunAsync("wsimport", together.Path, ["-extension", "-Xnocompile", "-d", ".", .. WsdlUrls]);
        Assert.DoesNotContain("[ERROR]", stdout + stderr);
        foreach (var url in WsdlUrls)
        {
            (stdout, stderr) = await Tool.RunAsync("wsimport", apart.Path, "-extension", "-keep", "-d", ".", url);
            Assert.DoesNotContain("[ERROR]", stdout + stderr);
        }

        var package = System.IO.Path.Combine(apart.Path, "example", "tweetssoap", "_2026", "_11");
        foreach (var type in new[] { "User", "Tweet", "ArrayOfLookupProblem", "ServiceFault", "PostTweet", "SignUp", "Follow" })
        {
            Assert.IsTrue(File.Exists(System.IO.Path.Combine(package, type + ".java")), $"{type}.java");
        }

        foreach (var endpoint in SoapEndpoint.All)
        {
            Assert.IsTrue(File.Exists(System.IO.Path.Combine(package, endpoint.Name + ".class")), $"{endpoint.Name} compiled");
        }

        var exceptions = Directory.GetFiles(package, "*.java").Where(f => File.ReadAllText(f).Contains("extends Exception", StringComparison.Ordinal))
            .Select(System.IO.Path.GetFileNameWithoutExtension).Order().ToList();
        CollectionAssert.AreEqual(new[] { "SocialServiceFault", "TweetServiceFault", "UserServiceFault" }, exceptions);
    }

    [TestMethod]
    [DataRow("UserService")]
    [DataRow("TweetService")]
    [DataRow("SocialService")]
    public async Task Wsdl2perl_FromTheServedWsdl_GeneratesTheInterface(string service)
    {
        using var output = new TemporaryFolder();

        var (stdout, stderr) = await Tool.RunAsync("wsdl2perl", output.Path, "-b", ".", new Uri(Service.BaseAddress, $"{service}.svc?wsdl").ToString());

        Assert.DoesNotContain("NOT_FOUND", stdout + stderr);
        Assert.IsTrue(File.Exists(System.IO.Path.Combine(output.Path, "MyInterfaces", service, $"{service}Soap11.pm")), stdout + stderr);
        Assert.IsTrue(File.Exists(System.IO.Path.Combine(output.Path, "MyTypes", "User.pm")), stdout + stderr);
    }

    [TestMethod]
    public async Task Wsdl2hAndSoapcpp2_GivenAllThreeWsdlsWithN_MakeAProxyPerBindingAndReadThePolicy()
    {
        using var output = new TemporaryFolder();

        await Tool.RunAsync("wsdl2h", output.Path, ["-Nsrv", "-o", "tweets.h", .. WsdlUrls]);
        var (stdout, stderr) = await Tool.RunAsync("soapcpp2", output.Path, "-j", "-C", "-x", "-I/usr/share/gsoap/import", "tweets.h");

        Assert.Contains("Compilation successful", stdout + stderr);
        // wsdl2h reads the bindings' WS-SecurityPolicy and tells the user to add the UsernameToken (wsseapi plugin).
        var header = await File.ReadAllTextAsync(System.IO.Path.Combine(output.Path, "tweets.h"));
        Assert.AreEqual(2 * SoapEndpoint.All.Count, header.Split("WS-Security Username required").Length - 1);
        var proxies = Directory.GetFiles(output.Path, "soap*Proxy.h").Select(System.IO.Path.GetFileName).Order().ToList();
        var expected = SoapEndpoint.All.SelectMany(e => new[] { $"soap{e.Name}Soap11BindingProxy.h", $"soap{e.Name}Soap12BindingProxy.h" }).Order().ToList();
        CollectionAssert.AreEqual(expected, proxies);
    }

    [TestMethod]
    public async Task PhpSoapClient_FromTheServedWsdl_PostsWithoutTheOptionalParametersAndReadsATypedFault()
    {
        var (stdout, _) = await Tool.RunAsync("php", Repository.PathOf("Tests", "Interop", "php"), "interop.php", Service.BaseAddress.ToString());

        var report = JsonDocument.Parse(stdout).RootElement;
        Assert.AreEqual("Grüße aus PHP", report.GetProperty("text").GetString());
        Assert.IsTrue(report.GetProperty("author").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, report.GetProperty("inReplyTo").ValueKind);
        Assert.AreEqual("NotFound", report.GetProperty("fault").GetProperty("code").GetString());
        Assert.Contains("PostTweet", report.GetProperty("functions").EnumerateArray().Select(f => f.GetString()).ToList());
    }

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tweetssoap-toolkit-");

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
