using System.Text.RegularExpressions;
using TweetsSoap.Service.Export;
using TweetsSoap.Service.Wsdl;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Export;

[TestClass]
public sealed class ExportWsdlCommandTests
{
    [TestMethod]
    public async Task Export_IntoAnEmptyFolder_WritesTheCommittedWsdlsAndASampleOfEveryCommittedKind()
    {
        var target = Directory.CreateTempSubdirectory("tweetssoap-export-test-");
        try
        {
            await ExportWsdlCommand.ExportAsync(target.FullName);

            foreach (var file in ContractDocuments.Published.Select(d => d.File).Append(ExportWsdlCommand.OpenApiFile))
            {
                Assert.AreEqual(
                    (await File.ReadAllTextAsync(Repository.PathOf("wsdl", file))).ReplaceLineEndings("\n"),
                    await File.ReadAllTextAsync(Path.Combine(target.FullName, file)),
                    $"export-wsdl writes wsdl/{file} as committed");
            }

            CollectionAssert.AreEquivalent(
                SampleFiles(Repository.PathOf("wsdl", "samples")),
                SampleFiles(Path.Combine(target.FullName, "samples")));
            Assert.AreEqual(
                WithoutIdsAndTimes(await File.ReadAllTextAsync(Repository.PathOf("wsdl", SoapUiProject.FileName))),
                WithoutIdsAndTimes(await File.ReadAllTextAsync(Path.Combine(target.FullName, SoapUiProject.FileName))),
                "export-wsdl writes the SoapUI project as committed, but for the new samples' ids and times");
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }

    [TestMethod]
    public async Task Export_WithAStaleSample_DeletesItAndKeepsSamplesWhoseMessagesDidNotChange()
    {
        var target = Directory.CreateTempSubdirectory("tweetssoap-export-test-");
        try
        {
            await ExportWsdlCommand.ExportAsync(target.FullName);
            var stale = Path.Combine(target.FullName, "samples", "TweetService", "RetweetTweet.request.xml");
            await File.WriteAllTextAsync(stale, "<removed />");
            var signUp = Path.Combine(target.FullName, "samples", "UserService", "SignUp.response.xml");
            var firstRun = await File.ReadAllTextAsync(signUp);

            await ExportWsdlCommand.ExportAsync(target.FullName);

            Assert.IsFalse(File.Exists(stale));
            Assert.AreEqual(firstRun, await File.ReadAllTextAsync(signUp), "new ids and times alone do not rewrite a sample");
        }
        finally
        {
            target.Delete(recursive: true);
        }
    }

    private static string WithoutIdsAndTimes(string text) =>
        Regex.Replace(text.ReplaceLineEndings("\n"), @"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "");

    private static List<string> SampleFiles(string folder) =>
        [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))];
}
