using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Export;
using TweetsSoap.Service.OpenApi;
using TweetsSoap.Service.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Export;

/// <summary>
/// <c>wsdl/TweetsSoap-soapui-project.xml</c>: no SoapUI runs here, so the project is read as SoapUI reads it and its
/// requests and test case are run against the real service by <see cref="SoapUiRunner"/>.
/// </summary>
[TestClass]
public sealed class SoapUiProjectTests : ServiceTests<SoapUiProjectTests>
{
    private static readonly XNamespace Con = SoapUiProject.Con;

    private static readonly XDocument Project = XDocument.Load(Repository.PathOf("wsdl", SoapUiProject.FileName));

    private static IEnumerable<XElement> Interfaces => Project.Root!.Elements(Con + "interface");

    [TestMethod]
    public async Task CommittedProject_ComparedWithOneBuiltFromTheCommittedContract_IsIdentical()
    {
        var committed = (await File.ReadAllTextAsync(Repository.PathOf("wsdl", SoapUiProject.FileName))).ReplaceLineEndings("\n");

        Assert.AreEqual(SoapUiProject.Build(Repository.PathOf("wsdl")), committed,
            "wsdl/TweetsSoap-soapui-project.xml is stale; run `dotnet run --project Service -- export-wsdl wsdl`.");
    }

    [TestMethod]
    public void Interfaces_OfEveryService_DeclareEveryOperationInSoap11AndSoap12()
    {
        var expected = SoapEndpoint.All.SelectMany(e => new[] { $"{e.Name}Soap11Binding 1_1", $"{e.Name}Soap12Binding 1_2" }).Order().ToList();
        CollectionAssert.AreEqual(expected, Interfaces.Select(i => $"{(string)i.Attribute("name")!} {(string)i.Attribute("soapVersion")!}").Order().ToList());

        foreach (var face in Interfaces)
        {
            var endpoint = SoapEndpoint.All.Single(e => ((string)face.Attribute("name")!).StartsWith(e.Name, StringComparison.Ordinal));
            Assert.AreEqual($"{{{endpoint.Namespace}}}{(string)face.Attribute("name")!}", (string)face.Attribute("bindingName")!);
            CollectionAssert.AreEquivalent(
                endpoint.ActionsByOperation.Select(o => $"{o.Key} {o.Value}").ToList(),
                face.Elements(Con + "operation").Select(o => $"{(string)o.Attribute("name")!} {(string)o.Attribute("action")!}").ToList());
            Assert.IsTrue(face.Elements(Con + "operation").All(o => o.Elements(Con + "call").Count() == 1), $"{(string)face.Attribute("name")!}: one request per operation");
        }
    }

    [TestMethod]
    public async Task DefinitionCaches_OfEveryInterface_HoldTheDocumentsTheServiceServes()
    {
        foreach (var face in Interfaces)
        {
            var cache = face.Element(Con + "definitionCache")!;
            Assert.AreEqual((string)face.Attribute("definition")!, (string)cache.Attribute("rootPart")!);
            var parts = cache.Elements(Con + "part").ToList();
            Assert.HasCount(1 + 3, parts, "the WSDL and the three schemas it imports");
            foreach (var part in parts)
            {
                var published = new Uri((string)part.Element(Con + "url")!);
                Assert.AreEqual(ExportWsdlCommand.PublishedBase.Authority, published.Authority);
                var served = ExportWsdlCommand.Published(await Service.Http.GetStringAsync(published.PathAndQuery.TrimStart('/')));
                Assert.AreEqual(served, (string)part.Element(Con + "content")!, $"{(string)face.Attribute("name")!}: {published}");
            }
        }
    }

    [TestMethod]
    public void Requests_OfEveryOperationAndVersion_CarryTheSampleBody()
    {
        foreach (var face in Interfaces)
        {
            var endpoint = SoapEndpoint.All.Single(e => ((string)face.Attribute("name")!).StartsWith(e.Name, StringComparison.Ordinal));
            XNamespace soap = (string)face.Attribute("soapVersion")! == "1_2" ? RawSoap.Soap12 : RawSoap.Soap11;
            foreach (var operation in face.Elements(Con + "operation"))
            {
                var name = (string)operation.Attribute("name")!;
                var request = XDocument.Parse((string)operation.Element(Con + "call")!.Element(Con + "request")!);
                var sample = XDocument.Load(Repository.PathOf("wsdl", "samples", endpoint.Name, $"{name}.request.xml"));

                Assert.AreEqual(soap + "Envelope", request.Root!.Name, $"{face.Attribute("name")}.{name}");
                Assert.IsTrue(
                    XNode.DeepEquals(sample.Root!.Element(RawSoap.Soap11 + "Body")!.Elements().Single(), request.Root.Element(soap + "Body")!.Elements().Single()),
                    $"{(string)face.Attribute("name")!}.{name}: the body is the sample's");
                Assert.IsFalse(request.Descendants(SoapUiProject.Wsse + "Security").Any(), "the token comes from the outgoing WS-Security configuration");
            }
        }
    }

    [TestMethod]
    public async Task Requests_SentAsSoapUiSendsThem_AreAnsweredWithoutAnAuthenticationFault_AndTheTokenIsWhatTheyNeed()
    {
        var runner = new SoapUiRunner(Project, Service.Http, Service.BaseAddress);
        var signUp = Call("UserServiceSoap11Binding", nameof(IUserService.SignUp));
        var (_, signedUp) = await runner.SendAsync("UserServiceSoap11Binding", nameof(IUserService.SignUp), signUp);
        Assert.IsFalse(IsFault(signedUp), $"the SignUp sample signs up the sample caller: {signedUp}");

        var checkedOperations = 0;
        foreach (var face in Interfaces)
        {
            var faceName = (string)face.Attribute("name")!;
            var endpoint = SoapEndpoint.All.Single(e => faceName.StartsWith(e.Name, StringComparison.Ordinal));
            foreach (var operation in face.Elements(Con + "operation").Select(o => (string)o.Attribute("name")!).Where(o => o != nameof(IUserService.SignUp)))
            {
                var call = Call(faceName, operation);
                var needsCredentials = ContractOperation.Of(endpoint.Contract, operation).NeedsCredentials;
                Assert.AreEqual(needsCredentials ? SoapUiProject.SampleCaller : "", (string)call.Attribute("outgoingWss")!, $"{faceName}.{operation}");

                var (_, sent) = await runner.SendAsync(faceName, operation, call);
                Assert.AreNotEqual(nameof(ErrorCode.Unauthenticated), DetailCode(sent), $"{faceName}.{operation} as SoapUI sends it: {sent}");
                var (_, bare) = await runner.SendAsync(faceName, operation, call, withOutgoingWss: false);
                Assert.AreEqual(needsCredentials, DetailCode(bare) == nameof(ErrorCode.Unauthenticated), $"{faceName}.{operation} without the token: {bare}");
                checkedOperations++;
            }
        }

        Assert.AreEqual(2 * (SoapEndpoint.All.Sum(e => e.ActionsByOperation.Count) - 1), checkedOperations);
    }

    [TestMethod]
    public async Task Scenario_RunTwiceAsSoapUiRunsIt_PassesEveryAssertion()
    {
        var testCase = Project.Root!.Element(Con + "testSuite")!.Element(Con + "testCase")!;
        var runner = new SoapUiRunner(Project, Service.Http, Service.BaseAddress);
        var xpathAssertions = testCase.Descendants(Con + "assertion").Count(a => (string)a.Attribute("type")! == "XPath Match");

        foreach (var run in new[] { "first", "second (the scenario cleans up after itself)" })
        {
            var failures = await runner.RunAsync(testCase);

            Assert.IsEmpty(failures, $"{run} run:\n" + string.Join("\n", failures));
            Assert.IsGreaterThan(0, runner.TestCaseProperties["tweetId"].Length, "the transfer set the tweet's id");
        }

        Assert.IsGreaterThanOrEqualTo(8, xpathAssertions);
        CollectionAssert.IsSubsetOf(
            new[] { "SignUp", "Login", "PostTweet", "ListTweets", "UpdateTweet", "DeleteTweet", "GetTweet" },
            testCase.Descendants(Con + "operation").Select(o => o.Value).ToList());
    }

    [TestMethod]
    public async Task Scenario_WithoutItsDeleteStep_FailsTheFaultAssertions()
    {
        var testCase = Project.Root!.Element(Con + "testSuite")!.Element(Con + "testCase")!;
        var runner = new SoapUiRunner(Project, Service.Http, Service.BaseAddress);

        var failures = await runner.RunAsync(testCase, "Delete");

        Assert.HasCount(2, failures, string.Join("\n", failures));
        Assert.IsTrue(failures.All(f => f.StartsWith("Read the deleted tweet: ", StringComparison.Ordinal)), string.Join("\n", failures));
        Assert.IsTrue(failures.Any(f => f.EndsWith("not a SOAP fault", StringComparison.Ordinal)), string.Join("\n", failures));
        Assert.IsTrue(failures.Any(f => f.Contains("tns:ServiceFault/tns:Code is [], expected NotFound", StringComparison.Ordinal)), string.Join("\n", failures));
    }

    private static XElement Call(string interfaceName, string operation) =>
        Interfaces.Single(i => (string)i.Attribute("name")! == interfaceName).Elements(Con + "operation")
            .Single(o => (string)o.Attribute("name")! == operation).Element(Con + "call")!;

    private static bool IsFault(XDocument response) => response.Descendants().Any(e => e.Name.LocalName == "Fault");

    private static string? DetailCode(XDocument response) => response.Descendants(RawSoap.Tns + "ServiceFault").SingleOrDefault()?.Element(RawSoap.Tns + "Code")?.Value;
}
