using TweetsSoap.ProxyGen;

namespace TweetsSoap.Tests.ProxyGen;

/// <summary>The committed proxy is exactly what the generator makes of the committed WSDL, and it compiles.</summary>
[TestClass]
public sealed class GeneratorTests
{
    private const string Regenerate = "Run `dotnet run --project ProxyGen` and commit Client/Generated.";

    [TestMethod]
    public void Generate_FromTheCommittedWsdl_MatchesClientGenerated()
    {
        var generated = InMemoryProxy.Generate(Path.Combine(InMemoryProxy.RepositoryRoot, "wsdl"), "TweetsSoap.Client");
        var directory = Path.Combine(InMemoryProxy.RepositoryRoot, "Client", "Generated");

        CollectionAssert.AreEquivalent(
            generated.Select(g => g.File).ToList(),
            Directory.GetFiles(directory, "*.g.cs").Select(Path.GetFileName).ToList(),
            $"Client/Generated has other files than wsdl/ generates. {Regenerate}");
        foreach (var (file, source) in generated)
        {
            Assert.AreEqual(source, File.ReadAllText(Path.Combine(directory, file)), $"Client/Generated/{file} is out of date with wsdl/. {Regenerate}");
        }
    }

    [TestMethod]
    [DataRow("wsdl")]
    [DataRow("Tests/ProxyGen/Wsdl")]
    public void Generate_FromEveryWsdlInAFolder_CompilesWithoutWarnings(string folder)
    {
        var generated = InMemoryProxy.Generate(Path.Combine(InMemoryProxy.RepositoryRoot, folder), "Regenerated");

        var assembly = InMemoryProxy.Compile(generated.Select(g => g.Source));

        Assert.IsNotEmpty(assembly.GetTypes().Where(t => t.Name.EndsWith("Client", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("<xs:attribute name=\"id\" type=\"xs:int\" />", "attributes")]
    [DataRow("<xs:sequence><xs:element name=\"Tag\" maxOccurs=\"unbounded\" type=\"xs:string\" /><xs:element name=\"Other\" type=\"xs:int\" /></xs:sequence>", "ArrayOf")]
    [DataRow("<xs:choice><xs:element name=\"A\" type=\"xs:int\" /></xs:choice>", "xs:choice")]
    [DataRow("<xs:sequence><xs:element name=\"Inline\"><xs:complexType /></xs:element></xs:sequence>", "anonymous")]
    public void Generate_WithASchemaShapeTheProxyCannotSerialize_SaysWhich(string content, string expected)
    {
        var wsdl = $"""
            <wsdl:definitions targetNamespace="urn:t" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t">
              <wsdl:types>
                <xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
                  <xs:complexType name="Thing">{content}</xs:complexType>
                  <xs:element name="Get"><xs:complexType><xs:sequence><xs:element name="thing" type="tns:Thing" /></xs:sequence></xs:complexType></xs:element>
                  <xs:element name="GetResponse"><xs:complexType><xs:sequence /></xs:complexType></xs:element>
                </xs:schema>
              </wsdl:types>
              <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Get" /></wsdl:message>
              <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:GetResponse" /></wsdl:message>
              <wsdl:portType name="Port"><wsdl:operation name="Get"><wsdl:input message="tns:In" /><wsdl:output message="tns:Out" /></wsdl:operation></wsdl:portType>
            </wsdl:definitions>
            """;

        var error = Assert.ThrowsExactly<NotSupportedException>(() => Generator.Generate([("Thing.wsdl", wsdl)], "T"));

        StringAssert.Contains(error.Message, "Thing");
        StringAssert.Contains(error.Message, expected);
    }
}
