using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using TweetsSoap.Service.Export;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Export;

/// <summary>
/// Runs a SoapUI project's requests and test cases the way SoapUI does, from the project file alone: property
/// expansion (<c>${#Project#name}</c>, <c>${#TestCase#name}</c>), the outgoing WS-Security configuration a request
/// names (a <c>wsse:Security</c> header with <c>mustUnderstand</c> and a UsernameToken), the SOAP version's
/// Content-Type and action, the SOAP Response / (Not) SOAP Fault / XPath Match assertions, and property transfers.
/// Anything it does not know fails instead of passing unchecked.
/// </summary>
public sealed partial class SoapUiRunner(XDocument project, HttpClient http, Uri baseAddress)
{
    private static readonly XNamespace Con = SoapUiProject.Con;
    private static readonly XNamespace Wsse = SoapUiProject.Wsse;

    /// <summary>The project's properties, with <c>baseUrl</c> pointing at the service under test, as a user sets it.</summary>
    private readonly Dictionary<string, string> _project = new(Properties(project.Root!))
    {
        [SoapUiProject.BaseUrlProperty] = baseAddress.ToString().TrimEnd('/'),
    };
    private Dictionary<string, string> _testCase = [];

    public IReadOnlyDictionary<string, string> TestCaseProperties => _testCase;

    /// <summary>Runs every step of <paramref name="testCase"/> but those in <paramref name="skip"/>; returns the failed assertions and transfers.</summary>
    public async Task<List<string>> RunAsync(XElement testCase, params string[] skip)
    {
        _testCase = Properties(testCase);
        var responses = new Dictionary<string, XDocument>();
        var failures = new List<string>();
        foreach (var step in testCase.Elements(Con + "testStep").Where(s => !skip.Contains((string)s.Attribute("name")!)))
        {
            var name = (string)step.Attribute("name")!;
            var config = step.Element(Con + "config")!;
            switch ((string)step.Attribute("type")!)
            {
                case "request":
                    var request = config.Element(Con + "request")!;
                    var (version, response) = await SendAsync((string)config.Element(Con + "interface")!, (string)config.Element(Con + "operation")!, request);
                    responses[name] = response;
                    failures.AddRange(request.Elements(Con + "assertion").Select(a => Check(a, version, response)).OfType<string>().Select(f => $"{name}: {f}"));
                    break;
                case "transfer":
                    foreach (var transfer in config.Elements(Con + "transfers"))
                    {
                        var source = responses.GetValueOrDefault((string)transfer.Element(Con + "sourceStep")!);
                        var value = source is null ? null : Select(source, (string)transfer.Element(Con + "sourcePath")!).FirstOrDefault()?.Value;
                        if (value is null || (string)transfer.Element(Con + "targetStep")! != "#TestCase#" || (string)transfer.Element(Con + "sourceType")! != "Response")
                        {
                            failures.Add($"{name}: transfer {(string)transfer.Element(Con + "name")!} found nothing to transfer");
                            continue;
                        }

                        _testCase[(string)transfer.Element(Con + "targetType")!] = value;
                    }

                    break;
                default:
                    failures.Add($"{name}: a step of a type this runner does not know");
                    break;
            }
        }

        return failures;
    }

    /// <summary>Sends a request (an operation's call or a test step's request) of the interface and operation named.</summary>
    public async Task<(SoapUiVersion Version, XDocument Response)> SendAsync(string interfaceName, string operationName, XElement request, bool withOutgoingWss = true)
    {
        var face = project.Root!.Elements(Con + "interface").Single(i => (string)i.Attribute("name")! == interfaceName);
        var version = (string)face.Attribute("soapVersion")! == "1_2" ? SoapUiVersion.Soap12 : SoapUiVersion.Soap11;
        var action = (string)face.Elements(Con + "operation").Single(o => (string)o.Attribute("name")! == operationName).Attribute("action")!;
        var envelope = XDocument.Parse(Expand((string)request.Element(Con + "request")!));
        var wss = (string?)request.Attribute("outgoingWss");
        if (withOutgoingWss && !string.IsNullOrEmpty(wss))
        {
            ApplyOutgoingWss(envelope, wss);
        }

        var endpoint = new Uri(Expand((string)request.Element(Con + "endpoint")!));
        var answer = await RawSoap.PostAsync(http, endpoint.ToString(), version == SoapUiVersion.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12, action, envelope.ToString(SaveOptions.DisableFormatting));
        return (version, XDocument.Parse(answer.Body));
    }

    /// <summary>What SoapUI's outgoing WS-Security does: drops any Security header, adds its own with the configured UsernameToken.</summary>
    private void ApplyOutgoingWss(XDocument envelope, string name)
    {
        var outgoing = project.Root!.Element(Con + "wssContainer")!.Elements(Con + "outgoing").Single(o => (string)o.Element(Con + "name")! == name);
        var entry = outgoing.Elements(Con + "entry").Single();
        var configuration = entry.Element(Con + "configuration")!;
        if ((string)entry.Attribute("type")! != "Username" || (string?)configuration.Element("passwordType") != "PasswordText")
        {
            throw new InvalidOperationException($"Outgoing WSS {name} is not a PasswordText UsernameToken.");
        }

        var soap = envelope.Root!.Name.Namespace;
        var header = envelope.Root.Element(soap + "Header") ?? new XElement(soap + "Header");
        if (header.Parent is null)
        {
            envelope.Root.AddFirst(header);
        }

        header.Elements(Wsse + "Security").Remove();
        header.Add(new XElement(Wsse + "Security",
            new XAttribute(XNamespace.Xmlns + "wsse", Wsse),
            (bool)outgoing.Attribute("mustUnderstand")! ? new XAttribute(soap + "mustUnderstand", soap == RawSoap.Soap11 ? "1" : "true") : null,
            new XElement(Wsse + "UsernameToken",
                new XElement(Wsse + "Username", Expand((string)entry.Attribute("username")!)),
                new XElement(Wsse + "Password", new XAttribute("Type", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"),
                    Expand((string)entry.Attribute("password")!)))));
    }

    /// <summary>The failure of <paramref name="assertion"/> on <paramref name="response"/>, or null when it holds.</summary>
    private string? Check(XElement assertion, SoapUiVersion version, XDocument response)
    {
        XNamespace soap = version == SoapUiVersion.Soap11 ? RawSoap.Soap11 : RawSoap.Soap12;
        var fault = response.Root?.Element(soap + "Body")?.Element(soap + "Fault");
        var type = (string)assertion.Attribute("type")!;
        switch (type)
        {
            case "SOAP Response":
                return response.Root?.Name == soap + "Envelope" ? null : "not a SOAP response of the interface's version";
            case "SOAP Fault Assertion":
                return fault is null ? null : $"a SOAP fault: {fault}";
            case "Not SOAP Fault Assertion":
                return fault is not null ? null : "not a SOAP fault";
            case "XPath Match":
                var configuration = assertion.Element(Con + "configuration")!;
                var expected = Expand((string)configuration.Element("content")!);
                var found = Select(response, (string)configuration.Element("path")!).Select(e => e.Value).ToList();
                return found.Contains(expected) ? null : $"{(string)configuration.Element("path")!} is [{string.Join(", ", found)}], expected {expected}";
            default:
                return $"an assertion of type {type}, which this runner does not know";
        }
    }

    /// <summary>An XPath with SoapUI's <c>declare namespace p='uri';</c> prologue.</summary>
    private IEnumerable<XElement> Select(XDocument document, string path)
    {
        var namespaces = new XmlNamespaceManager(new NameTable());
        foreach (Match declaration in Declaration().Matches(path))
        {
            namespaces.AddNamespace(declaration.Groups[1].Value, declaration.Groups[2].Value);
        }

        return document.XPathSelectElements(Expand(Declaration().Replace(path, "").Trim()), namespaces);
    }

    public string Expand(string text) => Expansion().Replace(text, m =>
        (m.Groups[1].Value == "Project" ? _project : _testCase).TryGetValue(m.Groups[2].Value, out var value)
            ? value
            : throw new InvalidOperationException($"No property {m.Value}."));

    private static Dictionary<string, string> Properties(XElement owner) =>
        owner.Elements(Con + "properties").Elements(Con + "property").ToDictionary(p => (string)p.Element(Con + "name")!, p => (string?)p.Element(Con + "value") ?? "");

    [GeneratedRegex(@"declare namespace (\w+)='([^']*)';")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\$\{#(Project|TestCase)#([^}]+)\}")]
    private static partial Regex Expansion();
}

public enum SoapUiVersion
{
    Soap11,
    Soap12,
}
