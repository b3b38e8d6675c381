using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Wsdl;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.WsdlDocument;

namespace TweetsSoap.Tests.Wire;

/// <summary>The WS-I Basic Profile 1.1 rules that decide whether other SOAP stacks can consume the served WSDL.</summary>
[TestClass]
public sealed class WsiBasicProfileTests : ServiceTests<WsiBasicProfileTests>
{
    private static readonly XNamespace Wsam = "http://www.w3.org/2007/05/addressing/metadata";

    public static IEnumerable<object[]> Services => SoapEndpoint.All.Select(e => new object[] { e.Name });

    public static IEnumerable<object[]> Forms =>
        from endpoint in SoapEndpoint.All
        from form in new[] { "wsdl", "singleWsdl" }
        select new object[] { endpoint.Name, form };

    private static Task<WsdlDocument> ServedAsync(string service, string form = "wsdl") =>
        LoadAsync(Service.Http, SoapEndpoint.All.Single(e => e.Name == service).Path, form);

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Bindings_AreDocumentLiteral(string service)
    {
        var wsdl = await ServedAsync(service);

        foreach (var binding in wsdl.Root.Elements(Wsdl + "binding"))
        {
            var soap = binding.Elements().Single(e => e.Name.LocalName == "binding").Name.Namespace;
            Assert.IsTrue(soap == Soap11 || soap == Soap12, $"{binding.Attribute("name")} is a SOAP binding");
            Assert.AreEqual("document", (string?)binding.Element(soap + "binding")!.Attribute("style") ?? "document", "R2705");
            foreach (var operation in binding.Elements(Wsdl + "operation"))
            {
                Assert.AreEqual("document", (string?)operation.Element(soap + "operation")!.Attribute("style") ?? "document", "R2705");
                foreach (var use in operation.Descendants().Where(e => e.Name.Namespace == soap && e.Name.LocalName is "body" or "fault" or "header"))
                {
                    Assert.AreEqual("literal", (string?)use.Attribute("use"), $"R2706: {operation.Attribute("name")!.Value}");
                    Assert.IsNull(use.Attribute("encodingStyle"), "R2706");
                }
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Messages_HaveOnePartNamingAnElement(string service)
    {
        var wsdl = await ServedAsync(service);

        var messages = wsdl.Root.Elements(Wsdl + "message").ToList();
        Assert.IsNotEmpty(messages);
        foreach (var message in messages)
        {
            var part = message.Elements(Wsdl + "part").Single();
            Assert.IsNotNull(part.Attribute("element"), $"R2204: {message.Attribute("name")!.Value} refers to an element");
            Assert.IsNull(part.Attribute("type"), "R2204");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task Names_OfMessagesPortTypesBindingsAndPorts_AreUnique(string service)
    {
        var wsdl = await ServedAsync(service);

        foreach (var kind in new[] { "message", "portType", "binding" })
        {
            var names = wsdl.Root.Elements(Wsdl + kind).Select(e => (string)e.Attribute("name")!).ToList();
            Assert.HasCount(names.Count, names.Distinct(), $"{kind} names: {string.Join(", ", names)}");
        }

        var ports = wsdl.Root.Elements(Wsdl + "service").Elements(Wsdl + "port").Select(e => (string)e.Attribute("name")!).ToList();
        Assert.HasCount(2, ports.Distinct(), string.Join(", ", ports));
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task SoapActions_InEveryBinding_AreTheActionsTheServiceDispatches(string service)
    {
        var endpoint = SoapEndpoint.All.Single(e => e.Name == service);
        var wsdl = await ServedAsync(service);

        foreach (var operation in wsdl.Root.Elements(Wsdl + "portType").Elements(Wsdl + "operation"))
        {
            var name = (string)operation.Attribute("name")!;
            Assert.AreEqual(endpoint.ActionsByOperation[name], (string?)operation.Element(Wsdl + "input")!.Attribute(Wsam + "Action"), name);
        }

        foreach (var binding in wsdl.Root.Elements(Wsdl + "binding"))
        {
            var bound = binding.Elements(Wsdl + "operation")
                .ToDictionary(o => (string)o.Attribute("name")!, o => (string?)o.Elements().Single(e => e.Name.LocalName == "operation").Attribute("soapAction"));
            CollectionAssert.AreEquivalent(endpoint.ActionsByOperation.ToList(), bound.ToList(), (string)binding.Attribute("name")!);
        }
    }

    [TestMethod]
    [DataRow("UserService", SoapVersion.Soap11)]
    [DataRow("UserService", SoapVersion.Soap12)]
    [DataRow("TweetService", SoapVersion.Soap11)]
    [DataRow("TweetService", SoapVersion.Soap12)]
    public async Task SoapActions_OfTheBinding_EachReachTheirOperation(string service, SoapVersion version)
    {
        var endpoint = SoapEndpoint.All.Single(e => e.Name == service);
        var wsdl = await ServedAsync(service);
        var soap = version == SoapVersion.Soap11 ? Soap11 : Soap12;
        var binding = wsdl.Root.Elements(Wsdl + "binding").Single(b => b.Element(soap + "binding") is not null);

        foreach (var operation in binding.Elements(Wsdl + "operation"))
        {
            var name = (string)operation.Attribute("name")!;
            var action = (string)operation.Element(soap + "operation")!.Attribute("soapAction")!;

            // An empty request: the operation answers it, or refuses its content, but never fails to find it.
            var response = await RawSoap.PostAsync(Service.Http, endpoint.Path.TrimStart('/'), version, action,
                RawSoap.Envelope(version, $"<{name} xmlns=\"{endpoint.Namespace}\" />"));

            var answered = response.Xml.Descendants(XNamespace.Get(endpoint.Namespace) + $"{name}Response").Any();
            Assert.IsTrue(answered || response.DetailCode is { } code && code != nameof(ErrorCode.MalformedRequest), $"{name}: {response.Body}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task SingleWsdlSchemaImports_AreExactlyTheInlineNamespacesEachSchemaReferences(string service)
    {
        var wsdl = await ServedAsync(service, "singleWsdl");

        var defined = wsdl.Schemas.Select(s => (string?)s.Attribute("targetNamespace")).ToHashSet();
        foreach (var schema in wsdl.Schemas)
        {
            var imports = schema.Elements(Xs + "import").ToList();
            foreach (var import in imports)
            {
                Assert.Contains((string?)import.Attribute("namespace"), defined, $"R2102: dangling import {import}");
                Assert.IsNull(import.Attribute("schemaLocation"), "R2007: no location to fetch");
            }

            CollectionAssert.AreEquivalent(Referenced(schema), imports.Select(i => (string)i.Attribute("namespace")!).ToList(),
                $"R2101/R2102: the schema of {schema.Attribute("targetNamespace")} imports what it references, and nothing else");
        }

        // SoapCore's unused CLR wrappers for nullable parameters; the parameters themselves are nillable elements.
        Assert.IsFalse(wsdl.Schemas.Elements().Any(e => ((string?)e.Attribute("name"))?.StartsWith("NullableOf", StringComparison.Ordinal) == true));
    }

    [TestMethod]
    public async Task SharedSchemaImports_AreExactlyTheNamespacesEachReferencesWithTheirPublishedFiles()
    {
        var files = ContractDocuments.SchemaFiles;
        foreach (var file in files.Values)
        {
            var schema = XDocument.Parse(await Service.Http.GetStringAsync($"xsd/{file}")).Root!;

            var imports = schema.Elements(Xs + "import").ToList();
            CollectionAssert.AreEquivalent(Referenced(schema), imports.Select(i => (string)i.Attribute("namespace")!).ToList(), $"R2101/R2102 in {file}");
            foreach (var import in imports)
            {
                Assert.AreEqual(files[(string)import.Attribute("namespace")!], (string?)import.Attribute("schemaLocation"), $"{file}: {import}");
            }
        }
    }

    /// <summary>The namespaces other than its own and XSD's that a schema's components refer to.</summary>
    private static List<string> Referenced(XElement schema) =>
        [.. schema.Descendants()
            .SelectMany(e => e.Attributes().Where(a => a.Name.LocalName is "type" or "base" or "ref" or "itemType").Select(a => QName(e, a.Value).NamespaceName))
            .Where(ns => ns != Xs.NamespaceName && ns != (string?)schema.Attribute("targetNamespace"))
            .Distinct()];

    [TestMethod]
    [DynamicData(nameof(Services))]
    public async Task InlineSchemas_DefineEachNamespaceOnce(string service)
    {
        var wsdl = await ServedAsync(service, "singleWsdl");

        // Beyond WS-I: node-soap keeps only the last schema of a namespace, so a split namespace loses its elements there.
        var namespaces = wsdl.Schemas.Select(s => (string?)s.Attribute("targetNamespace")).ToList();
        Assert.HasCount(namespaces.Count, namespaces.Distinct(), string.Join(", ", namespaces));
    }

    [TestMethod]
    [DynamicData(nameof(Forms))]
    public async Task Schemas_CompileAndDeclareEveryMessageElement(string service, string form)
    {
        var wsdl = await ServedAsync(service, form);
        var errors = new List<string>();

        var schemas = wsdl.CompileSchemas(errors);

        Assert.IsEmpty(errors, string.Join("\n", errors));
        Assert.IsTrue(schemas.IsCompiled);
        foreach (var part in wsdl.Root.Elements(Wsdl + "message").Elements(Wsdl + "part"))
        {
            var element = QName(part, (string)part.Attribute("element")!);
            Assert.IsTrue(schemas.GlobalElements.Contains(new System.Xml.XmlQualifiedName(element.LocalName, element.NamespaceName)), $"{element} is declared");
        }
    }
}
