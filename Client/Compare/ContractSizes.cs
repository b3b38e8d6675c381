using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Spectre.Console;

namespace TweetsSoap.Client.Compare;

/// <summary>
/// The two published contracts' sizes side by side: the SOAP face's WSDLs (the <c>?wsdl</c> form) with the schemas they
/// import, and the JSON face's OpenAPI document; whole, and per operation. An operation's part is what a reader of that
/// operation alone needs, every piece written without indentation:
/// <list type="bullet">
/// <item>WSDL: the <c>portType</c> operation, its two <c>binding</c> operations (SOAP 1.1 and 1.2), the messages it names
/// (input, output, the service's fault) and the schema components their elements reach, transitively.</item>
/// <item>OpenAPI: the operation object(s) of the route(s) that run it and the components their <c>$ref</c>s reach,
/// transitively. A contract operation without a route of its own (<c>GetTweets</c> answers on <c>ListTweets</c>'s route)
/// gets the route it shares.</item>
/// </list>
/// Shared by every operation and counted in neither part: the WS-SecurityPolicy and the OpenAPI security scheme, the
/// services and ports, the document headers.
/// </summary>
public static class ContractSizes
{
    public static readonly string[] Services = ["UserService", "TweetService", "SocialService"];

    /// <summary>The OpenAPI document as committed in <c>wsdl/</c>; the WSDLs are <c>&lt;Service&gt;.wsdl</c>, their imports relative to them.</summary>
    public const string OpenApiFile = "openapi.json";

    /// <summary>Where the service serves the document committed as <paramref name="file"/>, relative to its base address.</summary>
    public static string ServedPath(string file) =>
        file == OpenApiFile ? "openapi/v1.json" : file.EndsWith(".wsdl", StringComparison.Ordinal) ? file[..^".wsdl".Length] + ".svc?wsdl" : file;

    private static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    /// <summary>Reads the documents through <paramref name="read"/> (a path as under <c>wsdl/</c>: <c>UserService.wsdl</c>, <c>xsd/TweetsSoap.xsd</c>, <c>openapi.json</c>).</summary>
    public static async Task<Sizes> MeasureAsync(Func<string, Task<string>> read)
    {
        var wsdls = new Dictionary<string, string>();
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        var imports = new Queue<(string From, string Text)>();
        foreach (var service in Services)
        {
            imports.Enqueue(($"{service}.wsdl", wsdls[service] = await read($"{service}.wsdl")));
        }

        while (imports.TryDequeue(out var document))
        {
            foreach (var location in XDocument.Parse(document.Text).Descendants(Xs + "import").Select(i => (string?)i.Attribute("schemaLocation")).OfType<string>())
            {
                var path = Path.Combine(Path.GetDirectoryName(document.From)!, location).Replace('\\', '/');
                if (!schemas.ContainsKey(path))
                {
                    imports.Enqueue((path, schemas[path] = await read(path)));
                }
            }
        }

        var openApiText = await read(OpenApiFile);
        var schemaSet = schemas.Values.Select(XDocument.Parse).ToList();
        var openApi = JsonNode.Parse(openApiText)!.AsObject();
        var operations = new List<OperationSize>();
        foreach (var (service, text) in wsdls)
        {
            var wsdl = XDocument.Parse(text).Root!;
            foreach (var operation in wsdl.Elements(Wsdl + "portType").Elements(Wsdl + "operation"))
            {
                var name = (string)operation.Attribute("name")!;
                var (openApiBytes, route) = OpenApiPart(openApi, name);
                operations.Add(new OperationSize(service, name, WsdlPart(wsdl, operation, schemaSet), openApiBytes, route));
            }
        }

        return new Sizes(
            wsdls.Values.Concat(schemas.Values).Sum(Utf8),
            Utf8(openApiText),
            wsdls.Count + schemas.Count,
            operations);
    }

    private static long WsdlPart(XElement wsdl, XElement operation, List<XDocument> schemas)
    {
        var name = (string)operation.Attribute("name")!;
        var parts = new List<XElement> { operation };
        parts.AddRange(wsdl.Elements(Wsdl + "binding").Elements(Wsdl + "operation").Where(o => (string)o.Attribute("name")! == name));
        var messages = operation.Elements().Select(e => LocalName((string?)e.Attribute("message"))).ToHashSet();
        var used = wsdl.Elements(Wsdl + "message").Where(m => messages.Contains((string)m.Attribute("name")!)).ToList();
        parts.AddRange(used);

        var components = new List<XElement>();
        var pending = new Queue<XName>(used.Elements(Wsdl + "part").Select(p => QName(p, "element")).OfType<XName>());
        var seen = new HashSet<XName>();
        while (pending.TryDequeue(out var reference))
        {
            if (reference.Namespace == Xs || !seen.Add(reference))
            {
                continue;
            }

            foreach (var component in schemas.SelectMany(s => s.Root!.Elements())
                .Where(c => (string?)c.Attribute("name") == reference.LocalName && (string?)c.Document!.Root!.Attribute("targetNamespace") == reference.NamespaceName))
            {
                components.Add(component);
                foreach (var referenced in component.DescendantsAndSelf().SelectMany(e => new[] { QName(e, "type"), QName(e, "ref"), QName(e, "base") }).OfType<XName>())
                {
                    pending.Enqueue(referenced);
                }
            }
        }

        return parts.Concat(components).Sum(e => Utf8(e.ToString(SaveOptions.DisableFormatting)));
    }

    private static (long Bytes, string? SharedRoute) OpenApiPart(JsonObject document, string operation)
    {
        var routes = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(m => m.Value is JsonObject).Select(m => (Path: $"{m.Key.ToUpperInvariant()} {path.Key}", Operation: m.Value!.AsObject())))
            .ToList();
        var own = routes.Where(r => (string?)r.Operation["operationId"] == operation).ToList();
        var shared = own.Count > 0 ? [] : routes.Where(r => ((string?)r.Operation["description"])?.Contains($"runs `{operation}`", StringComparison.Ordinal) == true).ToList();
        var parts = own.Concat(shared).Select(r => (JsonNode)r.Operation).ToList();

        var pending = new Queue<JsonNode>(parts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var node))
        {
            foreach (var reference in References(node).Where(seen.Add))
            {
                var component = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode?)document, (n, key) => n?[key])
                    ?? throw new InvalidOperationException($"{reference} is not in the OpenAPI document.");
                parts.Add(component);
                pending.Enqueue(component);
            }
        }

        return (parts.Sum(p => Utf8(p.ToJsonString())), shared.Count > 0 ? shared[0].Path : null);
    }

    private static IEnumerable<string> References(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : p.Value is null ? [] : References(p.Value)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(References),
        _ => [],
    };

    private static XName? QName(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value
            ? (value.Split(':') is [var prefix, var local] ? element.GetNamespaceOfPrefix(prefix)! + local : element.GetDefaultNamespace() + value)
            : null;

    private static string LocalName(string? qualified) => qualified?.Split(':')[^1] ?? "";

    private static long Utf8(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>The sizes as a Markdown table, as docs/contract.md quotes them.</summary>
    public static string Markdown(Sizes sizes)
    {
        var text = new StringBuilder()
            .AppendLine(Invariant, $"| Contract | SOAP: WSDL + XSD | JSON: OpenAPI | WSDL/OpenAPI |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(Invariant, $"| Whole ({sizes.WsdlDocuments} documents vs 1) | {sizes.WsdlBytes} B | {sizes.OpenApiBytes} B | {Ratio(sizes.WsdlBytes, sizes.OpenApiBytes)} |");
        foreach (var o in sizes.Operations)
        {
            text.AppendLine(Invariant, $"| {o.Service}.{o.Operation}{(o.SharedRoute is null ? "" : $" (route shared: `{o.SharedRoute}`)")} | {o.WsdlBytes} B | {o.OpenApiBytes} B | {Ratio(o.WsdlBytes, o.OpenApiBytes)} |");
        }

        return text.ToString();
    }

    public static void Print(Sizes sizes)
    {
        var table = new Table().Title("Contract sizes").AddColumns("Operation", "WSDL + XSD B", "OpenAPI B", "ratio");
        table.AddRow($"whole ({sizes.WsdlDocuments} documents vs 1)", $"{sizes.WsdlBytes}", $"{sizes.OpenApiBytes}", Ratio(sizes.WsdlBytes, sizes.OpenApiBytes));
        foreach (var o in sizes.Operations)
        {
            table.AddRow(Markup.Escape($"{o.Service}.{o.Operation}{(o.SharedRoute is null ? "" : " (shared route)")}"), $"{o.WsdlBytes}", $"{o.OpenApiBytes}", Ratio(o.WsdlBytes, o.OpenApiBytes));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Whole: the documents as served. Per operation: its WSDL part (portType and both binding operations, messages, the schema types they reach) vs its OpenAPI part (the route's operation object, the components it reaches), unindented.");
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Ratio(long wsdl, long openApi) => (wsdl / (double)openApi).ToString("0.00", Invariant);
}

public sealed record Sizes(long WsdlBytes, long OpenApiBytes, int WsdlDocuments, IReadOnlyList<OperationSize> Operations);

public sealed record OperationSize(string Service, string Operation, long WsdlBytes, long OpenApiBytes, string? SharedRoute);
