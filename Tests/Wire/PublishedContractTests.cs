using System.Net;
using System.Xml.Linq;
using System.Xml.Schema;
using TweetsSoap.Service.Export;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Wsdl;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// <c>wsdl/</c> is the published contract (both WSDL forms and the shared schemas): it must be what the service
/// serves, so a contract change is always a visible diff in review.
/// </summary>
[TestClass]
public sealed class PublishedContractTests : ServiceTests<PublishedContractTests>
{
    private const string Refresh = "dotnet run --project Service -- export-wsdl wsdl";

    public static IEnumerable<object[]> Services => SoapEndpoint.All.Select(e => new object[] { e.Name });

    public static IEnumerable<object[]> Documents => ContractDocuments.Published.Select(d => new object[] { d.Served, d.File });

    [TestMethod]
    [DynamicData(nameof(Documents))]
    public async Task CommittedDocument_ComparedWithServedDocument_IsIdentical(string served, string file)
    {
        var committedFile = Repository.PathOf("wsdl", file);
        Assert.IsTrue(File.Exists(committedFile), $"wsdl/{file} is missing; run `{Refresh}`.");

        var published = ExportWsdlCommand.Published(await Service.Http.GetStringAsync(served));
        var committed = (await File.ReadAllTextAsync(committedFile)).ReplaceLineEndings("\n");

        if (published != committed)
        {
            var servedLines = published.Split('\n');
            var committedLines = committed.Split('\n');
            var line = Enumerable.Range(0, Math.Max(servedLines.Length, committedLines.Length))
                .First(i => i >= servedLines.Length || i >= committedLines.Length || servedLines[i] != committedLines[i]);
            Assert.Fail(
                $"wsdl/{file} is not what the service publishes at {served} (contract drift). If the change is intended, run `{Refresh}` " +
                $"and commit the diff. First difference at line {line + 1}:\n" +
                $"  committed: {committedLines.ElementAtOrDefault(line)}\n  served:    {servedLines.ElementAtOrDefault(line)}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public void Samples_OfEveryOperation_ExistAndMatchTheCommittedSchemas(string service)
    {
        var endpoint = SoapEndpoint.All.Single(e => e.Name == service);
        var folder = Repository.PathOf("wsdl", "samples", service);
        var expected = endpoint.ActionsByOperation.Keys.SelectMany(o => new[] { $"{o}.request.xml", $"{o}.response.xml" }).Order().ToList();
        var present = Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList() : [];
        CollectionAssert.AreEqual(expected, present, $"wsdl/samples/{service} should hold a request and a response per operation and nothing else; run `{Refresh}`.");

        var errors = new List<string>();
        var schemas = WsdlDocument.Load(Repository.PathOf("wsdl", $"{service}.wsdl")).CompileSchemas(errors);
        foreach (var (operation, action) in endpoint.ActionsByOperation)
        {
            var request = XDocument.Load(Path.Combine(folder, $"{operation}.request.xml"));
            StringAssert.Contains(request.Nodes().OfType<XComment>().Single().Value, $"SOAPAction: \"{action}\"");
            Validate(request, XNamespace.Get(endpoint.Namespace) + operation, schemas, errors);
            Validate(XDocument.Load(Path.Combine(folder, $"{operation}.response.xml")), XNamespace.Get(endpoint.Namespace) + $"{operation}Response", schemas, errors);
        }

        Assert.IsEmpty(errors, $"The samples no longer match wsdl/{service}.wsdl; run `{Refresh}`.\n" + string.Join("\n", errors));
    }

    [TestMethod]
    public async Task SignUpSample_PostedAsCommitted_SignsUpAda()
    {
        var sample = await File.ReadAllTextAsync(Repository.PathOf("wsdl", "samples", "UserService", "SignUp.request.xml"));

        var response = await RawSoap.PostAsync(Service.Http, "UserService.svc", SoapVersion.Soap11, RawSoap.Action("UserService", "SignUp"), sample);

        Assert.AreEqual(HttpStatusCode.OK, response.Status, response.Body);
        Assert.AreEqual("ada", response.Xml.Descendants(RawSoap.Tns + "Username").Single().Value);
    }

    private static void Validate(XDocument envelope, XName wrapper, XmlSchemaSet schemas, List<string> errors)
    {
        var body = envelope.Root!.Element(RawSoap.Soap11 + "Body")!.Elements().Single();
        Assert.AreEqual(wrapper, body.Name);
        new XDocument(new XElement(body)).Validate(schemas, (_, e) => errors.Add($"{wrapper.LocalName}: {e.Message}"));
    }
}
