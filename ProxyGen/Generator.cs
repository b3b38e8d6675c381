using System.Xml.Linq;

namespace TweetsSoap.ProxyGen;

/// <summary>WSDL files in, C# files out: one file per service (interface and client) and one with every data type.</summary>
public static class Generator
{
    public const string TypesFile = "DataTypes.g.cs";

    /// <summary>
    /// Generates from <paramref name="wsdls"/> (file name and content); returns file name and source, in a stable order.
    /// <paramref name="readImport"/> reads a schema that an <c>xs:import</c>/<c>xs:include</c> names by
    /// <c>schemaLocation</c>, given as a path relative to the WSDLs' folder; each location is read once.
    /// </summary>
    public static IReadOnlyList<(string File, string Source)> Generate(IEnumerable<(string Name, string Xml)> wsdls, string ns, Func<string, string>? readImport = null)
    {
        var schemas = new Schemas();
        var documents = wsdls.OrderBy(w => w.Name, StringComparer.Ordinal)
            .Select(w => (w.Name, Document: XDocument.Parse(w.Xml)))
            .ToList();
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, document) in documents)
        {
            foreach (var schema in document.Root?.Element(WsdlReader.Wsdl + "types")?.Elements(Schemas.Xs + "schema") ?? [])
            {
                AddWithImports(schema, name);
            }
        }

        void AddWithImports(XElement schema, string from)
        {
            schemas.Add(schema);
            foreach (var location in schema.Elements(Schemas.Xs + "import").Concat(schema.Elements(Schemas.Xs + "include")).Select(i => (string?)i.Attribute("schemaLocation")))
            {
                if (location is null)
                {
                    continue;
                }

                var relative = RelativeTo(from, location);
                if (readImport is null)
                {
                    throw new NotSupportedException($"{from} imports {location}: give the generator the folder the WSDL is in.");
                }

                if (read.Add(relative))
                {
                    AddWithImports(XDocument.Parse(readImport(relative)).Root!, relative);
                }
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
        var files = Generate(wsdls, ns, location => File.ReadAllText(Path.Combine(wsdlDirectory, location)));
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

    /// <summary>A <c>schemaLocation</c> as a path from the WSDLs' folder; absolute URLs are not fetched.</summary>
    private static string RelativeTo(string from, string location)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out _) || location.StartsWith('/'))
        {
            throw new NotSupportedException($"{from} imports {location}: only locations relative to the importing file are supported.");
        }

        var folder = Path.GetDirectoryName(from)?.Replace('\\', '/');
        var combined = string.IsNullOrEmpty(folder) ? location : $"{folder}/{location}";
        var parts = new List<string>();
        foreach (var part in combined.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    throw new NotSupportedException($"{from} imports {location}, outside the WSDLs' folder.");
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
