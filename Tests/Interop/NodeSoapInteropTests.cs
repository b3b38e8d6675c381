using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Interop;

/// <summary>Node's soap package (pinned in Tests/Interop/node/package-lock.json), reading only the served WSDLs.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class NodeSoapInteropTests : ServiceTests<NodeSoapInteropTests>
{
    [TestMethod]
    public async Task NodeSoap_FromTheServedWsdl_CallsEveryOperationOverBothBindingsAndReadsTypedFaults()
    {
        var folder = Repository.PathOf("Tests", "Interop", "node");
        Assert.IsTrue(Directory.Exists(Path.Combine(folder, "node_modules", "soap")),
            "node-soap is not installed: run `bash .ci/install` (it runs `npm ci` in Tests/Interop/node).");

        var report = await InteropClient.RunAsync("node", folder, "interop.js", Service.BaseAddress.ToString());

        InteropClient.AssertCoversTheContract(report);
    }
}
