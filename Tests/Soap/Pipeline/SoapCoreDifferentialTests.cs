using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TweetsSoap.Service.Export;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Soap.Pipeline;

/// <summary>
/// The SOAP pipeline against SoapCore's own request path (<see cref="SoapCoreReference"/>) on the same contracts:
/// every sample call in both SOAP versions, the bad and hostile requests of the wire tests, and requests shaped as
/// WCF, zeep and node-soap send them. Bodies must be XML-equivalent (prefixes, namespace declarations and whitespace
/// aside, generated ids and times by order of appearance) and faults must carry the same codes, except for the
/// differences listed in <see cref="Justified"/>, each of which must still be seen.
/// </summary>
[TestClass]
public sealed partial class SoapCoreDifferentialTests
{
    private static ServiceFixture _ours = null!;
    private static SoapCoreReference _reference = null!;
    private static HttpClient _referenceHttp = null!;

    /// <summary>The answers where we differ from SoapCore on purpose, and why.</summary>
    private static readonly Dictionary<string, string> Justified = new()
    {
        ["unreadable"] = "SoapCore answers a message it cannot read with a bare Server/Receiver fault whose text is the exception's "
            + "message; ours is a MalformedRequest fault that blames the client (SOAPCORE-NOTES 2).",
        ["hardening"] = "Without the pipeline's checks SoapCore runs requests that break the size, depth, attribute, name and character "
            + "limits, or answers them as server errors; ours refuses them as MalformedRequest.",
        ["mustUnderstand"] = "SoapCore ignores a header marked mustUnderstand that nothing understands and runs the operation; SOAP asks "
            + "for a MustUnderstand fault, which ours answers.",
        ["version"] = "SoapCore does not check the envelope's namespace against the Content-Type; ours answers VersionMismatch.",
        ["dispatch"] = "SoapCore matches any action that merely contains an operation's name and runs SOAP 1.1 requests without a "
            + "SOAPAction; ours refuses actions the WSDL does not declare (MalformedRequest).",
        ["timestamp"] = "SoapCore answers WCF's TransportWithMessageCredential requests without the wsu:Timestamp the WCF client insists "
            + "on; ours adds it.",
    };

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        _ours = await ServiceFixture.StartAsync();
        _reference = await SoapCoreReference.StartAsync();
        _referenceHttp = new HttpClient { BaseAddress = _reference.BaseAddress };
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _referenceHttp.Dispose();
        await _reference.DisposeAsync();
        await _ours.DisposeAsync();
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SampleScenario_IsAnsweredAsSoapCoreAnswersIt(SoapVersion version)
    {
        var ours = await RunScenarioAsync(version, reference: false);
        var theirs = await RunScenarioAsync(version, reference: true);

        Assert.HasCount(theirs.Count, ours);
        Assert.IsGreaterThanOrEqualTo(28, ours.Count, "one call per operation at least");
        var ids = (Ours: new Dictionary<string, string>(), Theirs: new Dictionary<string, string>());
        var differences = ours.Zip(theirs)
            .Select((pair, i) => (i, Ours: Canonical(pair.First, ids.Ours), Theirs: Canonical(pair.Second, ids.Theirs)))
            .Where(p => p.Ours != p.Theirs)
            .Select(p => $"call {p.i}:\n  ours:     {p.Ours}\n  SoapCore: {p.Theirs}")
            .ToList();
        Assert.IsEmpty(differences, string.Join("\n", differences));
    }

    [TestMethod]
    public async Task BadHostileAndToolkitRequests_AreAnsweredAsSoapCoreAnswersThem()
    {
        var unexplained = new List<string>();
        var seen = new HashSet<string>();
        foreach (var request in await RequestsAsync())
        {
            var ours = Summary(await SendAsync(_ours.Http, request));
            var theirs = Summary(await SendAsync(_referenceHttp, request));
            if (ours == theirs)
            {
                if (request.Difference is not null)
                {
                    unexplained.Add($"{request.Name}: expected the '{request.Difference}' difference, but both answered {ours}");
                }

                continue;
            }

            if (request.Difference is null)
            {
                unexplained.Add($"{request.Name}:\n  ours:     {ours}\n  SoapCore: {theirs}");
            }

            seen.Add(request.Difference ?? "");
        }

        Assert.IsEmpty(unexplained, string.Join("\n", unexplained));
        CollectionAssert.AreEquivalent(Justified.Keys, seen.ToList(), "every justified difference is still seen");
    }

    /// <summary>One request of the comparison; <paramref name="Difference"/> names the entry of <see cref="Justified"/> it shows.</summary>
    private sealed record Request(string Name, string Path, string ContentType, string? SoapAction, string Body, string? Difference = null);

    private static async Task<List<Request>> RequestsAsync()
    {
        var password = "correct horse battery";
        var username = $"diff{Guid.NewGuid():N}"[..15];
        var signUp = $"<SignUp xmlns=\"{Ns}\"><username>{username}</username><email>{username}@example.org</email><password>{password}</password><firstName>D</firstName><lastName>F</lastName><clientRequestId>{username}</clientRequestId></SignUp>";
        List<Request> requests = [];
        void Add(string name, SoapVersion version, string service, string? operation, string body, string? difference = null, string header = "") =>
            requests.Add(Soap(name, version, service, operation, Envelope(version, body, header), difference));

        foreach (var version in new[] { SoapVersion.Soap11, SoapVersion.Soap12 })
        {
            var v = version == SoapVersion.Soap11 ? "1.1" : "1.2";
            Add($"SignUp {v}", version, "UserService", "SignUp", signUp);
            Add($"GetUser unknown {v}", version, "UserService", "GetUser", $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.Empty}</userId></GetUser>");
            Add($"Login {v}", version, "UserService", "Login", $"<Login xmlns=\"{Ns}\"/>", header: UsernameToken(username, password));
            Add($"Login wrong password {v}", version, "UserService", "Login", $"<Login xmlns=\"{Ns}\"/>", header: UsernameToken(username, "wrong"));
            Add($"ListUsers {v}", version, "UserService", "ListUsers", $"<ListUsers xmlns=\"{Ns}\"><maxResults>3</maxResults></ListUsers>");
            Add($"GetTweet without tweetId {v}", version, "TweetService", "GetTweet", $"<GetTweet xmlns=\"{Ns}\"/>");
            Add($"Arguments out of order, unknown element {v}", version, "TweetService", "ListTweets", $"<ListTweets xmlns=\"{Ns}\"><x>1</x><maxResults>2</maxResults><authorId>{Guid.Empty}</authorId></ListTweets>");
            Add($"Unqualified argument {v}", version, "UserService", "GetUser", $"<s:GetUser xmlns:s=\"{Ns}\"><userId>{Guid.Empty}</userId></s:GetUser>");
            Add($"Unknown action {v}", version, "TweetService", "GetTweetById", $"<GetTweet xmlns=\"{Ns}\"><tweetId>{Guid.Empty}</tweetId></GetTweet>", "dispatch");
            Add($"Wrong type {v}", version, "TweetService", "GetTweet", $"<GetTweet xmlns=\"{Ns}\"><tweetId>abc</tweetId></GetTweet>", "unreadable");
            Add($"Out of range {v}", version, "TweetService", "ListTweets", $"<ListTweets xmlns=\"{Ns}\"><maxResults>99999999999</maxResults></ListTweets>", "unreadable");
            Add($"Body of another operation {v}", version, "TweetService", "GetTweet", $"<DeleteTweet xmlns=\"{Ns}\"><tweetId>{Guid.Empty}</tweetId></DeleteTweet>", "unreadable");
            Add($"Unknown mustUnderstand header {v}", version, "UserService", "ListUsers", $"<ListUsers xmlns=\"{Ns}\"/>", "mustUnderstand",
                "<x:Tx xmlns:x=\"urn:example:tx\" s:mustUnderstand=\"1\">5</x:Tx>");
            Add($"Unknown optional header {v}", version, "UserService", "ListUsers", $"<ListUsers xmlns=\"{Ns}\"/>", header: "<x:Trace xmlns:x=\"urn:example:trace\">1</x:Trace>");
            Add($"Too deep {v}", version, "UserService", "GetUser", $"<GetUser xmlns=\"{Ns}\">{string.Concat(Enumerable.Repeat("<e>", 40))}{string.Concat(Enumerable.Repeat("</e>", 40))}</GetUser>", "hardening");
            Add($"Forbidden character reference {v}", version, "UserService", "SignUp", signUp.Replace("<firstName>D", "<firstName>D&#x1;"), "hardening");

            // Values in every lexical form the serializer reads, which the pipeline reads without it: blanks, signs,
            // CDATA, comments, references, other UUID notations; with xsi:nil the serializer reads it after all.
            foreach (var form in new[] { " +2 ", "\n\t2\n", "<![CDATA[2]]>", "<!-- two -->2", "&#50;", "" })
            {
                Add($"maxResults '{form}' {v}", version, "UserService", "ListUsers", $"<ListUsers xmlns=\"{Ns}\"><maxResults xmlns=\"{Ns}\">{form}</maxResults></ListUsers>",
                    form.Length == 0 ? "unreadable" : null);
            }

            Add($"maxResults nil {v}", version, "UserService", "ListUsers",
                $"<ListUsers xmlns=\"{Ns}\"><maxResults xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/></ListUsers>");
            foreach (var form in new[] { $" {Guid.Empty} ", $"{{{Guid.Empty}}}", $"({Guid.Empty})", $"{Guid.Empty:N}", $"<![CDATA[{Guid.Empty}]]>", "\u00A0" + Guid.Empty })
            {
                Add($"authorId '{form}' {v}", version, "TweetService", "ListTweets", $"<ListTweets xmlns=\"{Ns}\"><authorId>{form}</authorId></ListTweets>");
            }

            var named = $"dfn{Guid.NewGuid():N}"[..15];
            Add($"SignUp with text in pieces {v}", version, "UserService", "SignUp",
                signUp.Replace(username, named).Replace("<firstName>D", "<firstName> <![CDATA[<D>]]><!-- x -->&amp;&#x263A;\r\n"));
            requests.Add(Soap($"Malformed XML {v}", version, "UserService", "GetUser", "<a><b></a></b>", "unreadable"));
            requests.Add(Soap($"Empty body {v}", version, "UserService", "GetUser", Envelope(version, ""), "unreadable"));
        }

        requests.Add(Soap("SOAP 1.1 without SOAPAction", SoapVersion.Soap11, "UserService", null, Envelope(SoapVersion.Soap11, $"<ListUsers xmlns=\"{Ns}\"/>"), "dispatch"));
        requests.Add(Soap("SOAP 1.2 without action", SoapVersion.Soap12, "UserService", null, Envelope(SoapVersion.Soap12, $"<GetUser xmlns=\"{Ns}\"><userId>{Guid.Empty}</userId></GetUser>")));
        requests.Add(Soap("SOAP 1.2 envelope as SOAP 1.1", SoapVersion.Soap11, "UserService", "ListUsers", Envelope(SoapVersion.Soap12, $"<ListUsers xmlns=\"{Ns}\"/>"), "version"));
        requests.Add(Soap("DTD", SoapVersion.Soap11, "UserService", "ListUsers",
            """<!DOCTYPE s:Envelope [<!ENTITY a "aaaa">]>""" + Envelope(SoapVersion.Soap11, $"<ListUsers xmlns=\"{Ns}\"/>"), "unreadable"));

        // As the WCF client sends a call with TransportWithMessageCredential: a Timestamp beside the UsernameToken.
        var created = DateTime.UtcNow;
        var wcf = $"""<s:Envelope xmlns:s="{Soap11}" xmlns:u="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><s:Header><o:Security s:mustUnderstand="1" xmlns:o="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><u:Timestamp u:Id="_0"><u:Created>{created:yyyy-MM-ddTHH:mm:ss.fffZ}</u:Created><u:Expires>{created.AddMinutes(5):yyyy-MM-ddTHH:mm:ss.fffZ}</u:Expires></u:Timestamp><o:UsernameToken u:Id="uuid-{Guid.NewGuid()}-1"><o:Username>{username}</o:Username><o:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{password}</o:Password></o:UsernameToken></o:Security></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><Login xmlns="{Ns}"/></s:Body></s:Envelope>""";
        requests.Add(Soap("WCF with Timestamp", SoapVersion.Soap11, "UserService", "Login", wcf, "timestamp"));

        // As zeep sends it: prefixed operation and arguments (elementFormDefault qualified), SOAP 1.2 with the action.
        requests.Add(Soap("zeep", SoapVersion.Soap12, "UserService", "ListUsers",
            $"""<?xml version='1.0' encoding='utf-8'?><soap-env:Envelope xmlns:soap-env="{Soap12}"><soap-env:Body><ns0:ListUsers xmlns:ns0="{Ns}"><ns0:maxResults>2</ns0:maxResults></ns0:ListUsers></soap-env:Body></soap-env:Envelope>"""));

        // As node-soap sends it: xsi/xsd declared on the envelope, a tns prefix, an empty Header.
        requests.Add(Soap("node-soap", SoapVersion.Soap11, "UserService", "ListUsers",
            $"""<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{Soap11}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:tns="{Ns}"><soap:Header></soap:Header><soap:Body><tns:ListUsers><tns:maxResults>2</tns:maxResults></tns:ListUsers></soap:Body></soap:Envelope>"""));
        return requests;
    }

    private static Request Soap(string name, SoapVersion version, string service, string? operation, string envelope, string? difference = null)
    {
        var action = operation is null ? null : Action(service, operation);
        return version == SoapVersion.Soap11
            ? new Request(name, $"{service}.svc", "text/xml; charset=utf-8", action, envelope, difference)
            : new Request(name, $"{service}.svc", action is null ? "application/soap+xml; charset=utf-8" : $"application/soap+xml; charset=utf-8; action=\"{action}\"", null, envelope, difference);
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, Request request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Path) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body)) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        if (request.SoapAction is not null)
        {
            message.Headers.TryAddWithoutValidation("SOAPAction", $"\"{request.SoapAction}\"");
        }

        using var response = await http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A success as its canonical body; a fault as its code (SoapCore's SOAP 1.2 names in SOAP 1.1 envelopes read as the
    /// SOAP 1.1 ones, SOAPCORE-NOTES 1) and its detail's code.
    /// </summary>
    private static string Summary((HttpStatusCode Status, string Body) answer)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Parse(answer.Body);
        }
        catch (System.Xml.XmlException)
        {
            return $"HTTP {(int)answer.Status}, not XML";
        }

        var fault = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Fault");
        if (fault is null)
        {
            return $"HTTP {(int)answer.Status} {Canonical(answer.Body, [])}";
        }

        var response = new RawResponse(answer.Status, null, answer.Body);
        var code = response.FaultCode;
        if (code.Namespace == Soap11)
        {
            code = code.LocalName switch { "Sender" => Soap11 + "Client", "Receiver" => Soap11 + "Server", _ => code };
        }

        return $"HTTP {(int)answer.Status} fault {code} {response.DetailCode ?? "(no detail)"}";
    }

    private static async Task<List<string>> RunScenarioAsync(SoapVersion version, bool reference)
    {
        await using var ours = reference ? null : await ServiceFixture.StartAsync();
        await using var theirs = reference ? await SoapCoreReference.StartAsync() : null;
        var recorded = new List<string>();
        using var http = new HttpClient(new AsVersion(version, recorded) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = ours?.BaseAddress ?? theirs!.BaseAddress,
        };
        var directory = Directory.CreateTempSubdirectory("tweetssoap-differential-");
        try
        {
            await new SampleScenario(new SampleRecorder(http, ExportWsdlCommand.PublishedBase, directory.FullName)).RunAsync();
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return recorded;
    }

    /// <summary>Sends the scenario's SOAP 1.1 calls as <paramref name="version"/>, keeping each answer as it came.</summary>
    private sealed class AsVersion(SoapVersion version, List<string> recorded) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (version == SoapVersion.Soap12)
            {
                var action = request.Headers.GetValues("SOAPAction").Single();
                request.Headers.Remove("SOAPAction");
                var body = (await request.Content!.ReadAsStringAsync(cancellationToken)).Replace(Soap11.NamespaceName, Soap12.NamespaceName);
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action={action}");
            }

            var response = await base.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            recorded.Add($"HTTP {(int)response.StatusCode} {text}");
            response.Content = new StringContent(text.Replace(Soap12.NamespaceName, Soap11.NamespaceName), Encoding.UTF8, "text/xml");
            return response;
        }
    }

    /// <summary>
    /// The XML with names expanded (prefixes and namespace declarations gone), whitespace-only text dropped, attributes
    /// sorted, QName values resolved, and ids and times replaced by their order of first appearance.
    /// </summary>
    private static string Canonical(string answer, Dictionary<string, string> ids)
    {
        var status = answer.StartsWith("HTTP ", StringComparison.Ordinal) ? answer[..9] : "";
        var document = XDocument.Parse(answer[status.Length..]);
        var text = new StringBuilder(status);
        Write(document.Root!, text);
        var stable = Ids().Replace(text.ToString(), m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = $"id{ids.Count}");
        return Time().Replace(stable, "time");
    }

    private static void Write(XElement element, StringBuilder text)
    {
        text.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
        {
            text.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
        }

        text.Append('>');
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Write(child, text);
                    break;
                case XText when element.Name.LocalName == "NextPageToken":
                    // A page token names the last row's id, which differs between the two services' databases.
                    text.Append("page-token");
                    break;
                case XText content when !string.IsNullOrWhiteSpace(content.Value):
                    var value = content.Value.Trim();
                    text.Append(QName().Match(value) is { Success: true } q && element.GetNamespaceOfPrefix(q.Groups[1].Value) is { } ns
                        ? (ns + q.Groups[2].Value).ToString()
                        : value);
                    break;
            }
        }

        text.Append("</>");
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex Time();

    [GeneratedRegex(@"^([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)$")]
    private static partial Regex QName();
}
