using System.Xml.Linq;

namespace TweetsSoap.ProxyGen;

/// <summary>WSDL files in, C# files out: one file per service (interface and client) and one with every data type.</summary>
public static class Generator
{
    public const string TypesFile = "DataTypes.g.cs";

    /// <summary>Generates from <paramref name="wsdls"/> (file name and content); returns file name and source, in a stable order.</summary>
    public static IReadOnlyList<(string File, string Source)> Generate(IEnumerable<(string Name, string Xml)> wsdls, string ns)
    {
        var schemas = new Schemas();
        var documents = wsdls.OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => (w.Name, Document: XDocument.Parse(w.Xml)))
            .ToList();
        foreach (var (_, document) in documents)
        {
            if (document.Root?.Element(WsdlReader.Wsdl + "types") is { } types)
            {
                schemas.Add(types);
            }
        }

        var files = new List<(string, string)>();
        foreach (var (name, document) in documents)
        {
            foreach (var service in WsdlReader.Services(document, schemas))
            {
                files.Add(($"{Identifiers.Type(service.Name)}.g.cs", Emitter.Service(service, ns, name)));
            }
        }

        var sources = string.Join(", ", documents.Select(d => d.Name));
        files.Add((TypesFile, Emitter.Types(schemas.Definitions, ns, sources)));
        return files;
    }

    /// <summary>Regenerates <paramref name="outputDirectory"/> from every *.wsdl in <paramref name="wsdlDirectory"/>, removing stale *.g.cs files.</summary>
    public static IReadOnlyList<string> Run(string wsdlDirectory, string outputDirectory, string ns)
    {
        var wsdls = Directory.GetFiles(wsdlDirectory, "*.wsdl").Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        var files = Generate(wsdls, ns);
        Directory.CreateDirectory(outputDirectory);
        foreach (var stale in Directory.GetFiles(outputDirectory, "*.g.cs"))
        {
            File.Delete(stale);
        }

        foreach (var (file, source) in files)
        {
            File.WriteAllText(Path.Combine(outputDirectory, file), source);
        }

        return [.. files.Select(f => f.File)];
    }
}
