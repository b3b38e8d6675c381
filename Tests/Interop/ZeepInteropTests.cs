using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Interop;

/// <summary>Python zeep (Debian's python3-zeep), reading only the served WSDLs.</summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class ZeepInteropTests : ServiceTests<ZeepInteropTests>
{
    [TestMethod]
    public async Task Zeep_FromTheServedWsdl_CallsEveryOperationOverBothBindingsAndReadsTypedFaults()
    {
        var report = await InteropClient.RunAsync("/usr/bin/python3", Repository.PathOf("Tests", "Interop", "zeep"),
            "interop.py", Service.BaseAddress.ToString());

        InteropClient.AssertCoversTheContract(report);
    }
}
