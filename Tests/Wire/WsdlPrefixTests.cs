using System.Xml;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// Every prefix names one namespace in the whole of each served contract document: Perl's SOAP::WSDL keeps one
/// prefix table per document and failed on the schemas' own <c>tns</c>.
/// </summary>
[TestClass]
public sealed class WsdlPrefixTests : ServiceTests<WsdlPrefixTests>
{
    public static IEnumerable<object[]> Documents => ContractDocumentPaths.All.Select(path => new object[] { path });

    [TestMethod]
    [DynamicData(nameof(Documents))]
    public async Task Document_BindsEachPrefixToOneNamespaceEverywhere(string path)
    {
        var text = await Service.Http.GetStringAsync(path);

        var bindings = new Dictionary<string, HashSet<string>>();
        using var reader = XmlReader.Create(new StringReader(text));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !reader.MoveToFirstAttribute())
            {
                continue;
            }

            do
            {
                if (reader.Prefix == "xmlns" || reader.Name == "xmlns")
                {
                    var prefix = reader.Prefix == "xmlns" ? reader.LocalName : "";
                    (bindings.TryGetValue(prefix, out var spaces) ? spaces : bindings[prefix] = []).Add(reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
        }

        Assert.IsNotEmpty(bindings);
        foreach (var (prefix, spaces) in bindings)
        {
            Assert.HasCount(1, spaces, $"{path}: prefix '{prefix}' is bound to {string.Join(" and ", spaces)}");
        }

        Assert.IsFalse(bindings.ContainsKey(""), $"{path}: a default namespace makes unprefixed QNames ambiguous");
    }
}
