using System.Net;
using System.Reflection;
using System.ServiceModel;
using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Wire;

[TestClass]
public sealed class WsdlTests : ServiceTests<WsdlTests>
{
    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Soap11Binding = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static readonly XNamespace Soap12Binding = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public static IEnumerable<object[]> Services =>
    [
        ["UserService.svc", typeof(IUserService)],
        ["TweetService.svc", typeof(ITweetService)],
        ["SocialService.svc", typeof(ISocialService)],
    ];

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task SingleWsdl_IsOneSelfContainedDocumentInOurNamespace(string path, Type contract)
    {
        using var response = await Service.Http.GetAsync(path + "?singleWsdl");
        var text = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var wsdl = XDocument.Parse(text).Root!;
        Assert.AreEqual(Namespaces.V1, wsdl.Attribute("targetNamespace")?.Value);
        Assert.AreEqual(contract.GetCustomAttribute<ServiceContractAttribute>()!.Name, wsdl.Attribute("name")?.Value);
        Assert.DoesNotContain("tempuri.org", text);
        Assert.IsNotEmpty(wsdl.Element(Wsdl + "types")!.Elements(), "schemas are inline");
        Assert.IsFalse(wsdl.Descendants().Any(e => e.Name.LocalName is "import" or "include" && e.Attribute("schemaLocation") is not null), "no external schema");
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Wsdl_ImportsTheSharedSchemasServedBesideIt(string path, Type contract)
    {
        var address = new Uri(Service.BaseAddress, path + "?wsdl");
        var wsdl = XDocument.Parse(await Service.Http.GetStringAsync(address)).Root!;

        Assert.AreEqual(contract.GetCustomAttribute<ServiceContractAttribute>()!.Name, wsdl.Attribute("name")?.Value);
        var schema = wsdl.Element(Wsdl + "types")!.Elements(Xs + "schema").Single();
        Assert.IsEmpty(schema.Elements().Where(e => e.Name != Xs + "import"), "the types are in the shared schemas, not inline");
        var import = schema.Elements(Xs + "import").Single();
        Assert.AreEqual(Namespaces.V1, (string?)import.Attribute("namespace"));

        // Every WSDL names the same schema documents, so a generator given all three reads each type once.
        var location = new Uri(address, (string)import.Attribute("schemaLocation")!);
        Assert.AreEqual(new Uri(Service.BaseAddress, "xsd/TweetsSoap.xsd"), location);
        var xsd = XDocument.Parse(await Service.Http.GetStringAsync(location)).Root!;
        Assert.AreEqual(Xs + "schema", xsd.Name);
        Assert.AreEqual(Namespaces.V1, (string?)xsd.Attribute("targetNamespace"));
        foreach (var nested in xsd.Elements(Xs + "import"))
        {
            using var response = await Service.Http.GetAsync(new Uri(location, (string)nested.Attribute("schemaLocation")!));
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, $"{nested}");
        }
    }

    [TestMethod]
    public async Task SharedSchema_NotPublished_IsNotFound()
    {
        using var response = await Service.Http.GetAsync("xsd/Other.xsd");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Wsdl_DeclaresSoap11AndSoap12BindingsAndPortsUnderDistinctNames(string path, Type contract)
    {
        var wsdl = XDocument.Parse(await Service.Http.GetStringAsync(path + "?wsdl")).Root!;

        var bindings = wsdl.Elements(Wsdl + "binding").ToList();
        var ports = wsdl.Element(Wsdl + "service")!.Elements(Wsdl + "port").ToList();
        Assert.HasCount(2, bindings);
        Assert.HasCount(2, ports);
        Assert.AreEqual(2, bindings.Select(b => b.Attribute("name")!.Value).Distinct().Count());
        Assert.AreEqual(2, ports.Select(p => p.Attribute("name")!.Value).Distinct().Count());
        Assert.IsTrue(bindings.Any(b => b.Element(Soap11Binding + "binding") is not null), "a SOAP 1.1 binding");
        Assert.IsTrue(bindings.Any(b => b.Element(Soap12Binding + "binding") is not null), "a SOAP 1.2 binding");

        var expectedAddress = new Uri(Service.BaseAddress, path).ToString();
        CollectionAssert.AreEquivalent(
            new[] { expectedAddress, expectedAddress },
            ports.Select(p => (p.Element(Soap11Binding + "address") ?? p.Element(Soap12Binding + "address"))!.Attribute("location")!.Value).ToList());
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Wsdl_ListsEveryOperationWithItsActionAndFaultInEveryBinding(string path, Type contract)
    {
        var wsdl = XDocument.Parse(await Service.Http.GetStringAsync(path + "?wsdl")).Root!;
        var serviceName = contract.GetCustomAttribute<ServiceContractAttribute>()!.Name;
        var operations = contract.GetMethods().Where(m => m.GetCustomAttribute<OperationContractAttribute>() is not null).Select(m => m.Name).ToList();

        var portTypeOperations = wsdl.Element(Wsdl + "portType")!.Elements(Wsdl + "operation").ToList();
        CollectionAssert.AreEquivalent(operations, portTypeOperations.Select(o => o.Attribute("name")!.Value).ToList());
        foreach (var operation in portTypeOperations)
        {
            // One fault message per service, shared by its operations: JAX-WS makes one exception class of it, not one per operation.
            var fault = operation.Element(Wsdl + "fault");
            Assert.IsNotNull(fault, $"{operation.Attribute("name")!.Value} declares its fault");
            Assert.AreEqual($"tns:{serviceName}Fault", (string?)fault.Attribute("message"));
        }

        foreach (var binding in wsdl.Elements(Wsdl + "binding"))
        {
            var bound = binding.Elements(Wsdl + "operation").ToList();
            CollectionAssert.AreEquivalent(operations, bound.Select(o => o.Attribute("name")!.Value).ToList());
            foreach (var operation in bound)
            {
                var name = operation.Attribute("name")!.Value;
                var soapOperation = operation.Elements().Single(e => e.Name.LocalName == "operation");
                Assert.AreEqual($"{Namespaces.V1}/{serviceName}/{name}", soapOperation.Attribute("soapAction")?.Value);
                Assert.AreEqual("document", soapOperation.Attribute("style")?.Value);
                Assert.IsNotNull(operation.Element(Wsdl + "fault"), $"{name} in {binding.Attribute("name")!.Value} binds its fault");
            }
        }
    }

    [TestMethod]
    public async Task Wsdl_DescribesTheFaultDetailWithItsCodes()
    {
        var text = await Service.Http.GetStringAsync("xsd/TweetsSoap.xsd");

        foreach (var code in Enum.GetNames<ErrorCode>())
        {
            StringAssert.Contains(text, $"<xs:enumeration value=\"{code}\" />");
        }
    }
}
