using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using TweetsSoap.Service.Soap.Security;

namespace TweetsSoap.Service.Export;

/// <summary>
/// Calls one operation with a SOAP 1.1 envelope written the way SoapUI users write it, and keeps the request and
/// the response as <c>&lt;directory&gt;/&lt;Service&gt;/&lt;Operation&gt;.request.xml</c> / <c>.response.xml</c>.
/// The request file is exactly what was posted, so it can be pasted into SoapUI or sent with curl.
/// </summary>
public sealed partial class SampleRecorder(HttpClient http, Uri publishedBase, string directory)
{
    private readonly HashSet<string> _written = [];

    public static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings Pretty = new()
    {
        Indent = true,
        NewLineChars = "\n",
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>An argument of the operation; <see langword="null"/> is sent as <c>xsi:nil</c>, as the schema asks.</summary>
    public static (string Name, object? Value) Arg(string name, object? value) => (name, value);

    /// <summary>Sends the call, keeps it as the operation's sample, and returns the response wrapper element (e.g. <c>PostTweetResponse</c>).</summary>
    public async Task<XElement> CallAsync(SoapEndpoint endpoint, string operation, Credentials? caller, params (string Name, object? Value)[] arguments)
    {
        var (requestText, reply) = await SendAsync(endpoint, operation, caller, arguments);
        var folder = Path.Combine(directory, endpoint.Name);
        Directory.CreateDirectory(folder);
        await KeepAsync(Path.Combine(folder, $"{operation}.request.xml"), requestText);
        await KeepAsync(Path.Combine(folder, $"{operation}.response.xml"), Write(reply));
        return Wrapper(reply);
    }

    /// <summary>
    /// Sends a call that only sets the scene (e.g. a second user's sign-up) without keeping it: were it kept, the
    /// operation's sample would flip between two calls on every refresh.
    /// </summary>
    public async Task<XElement> PrepareAsync(SoapEndpoint endpoint, string operation, Credentials? caller, params (string Name, object? Value)[] arguments) =>
        Wrapper((await SendAsync(endpoint, operation, caller, arguments)).Reply);

    private async Task<(string RequestText, XDocument Reply)> SendAsync(SoapEndpoint endpoint, string operation, Credentials? caller, (string Name, object? Value)[] arguments)
    {
        XNamespace ns = endpoint.Namespace;
        var action = endpoint.ActionsByOperation[operation];
        var envelope = new XElement(Soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "s", Soap),
            caller is null ? null : new XElement(Soap + "Header", Security(caller)),
            new XElement(Soap + "Body",
                new XElement(ns + operation,
                    new XAttribute("xmlns", ns),
                    arguments.Any(a => a.Value is null) ? new XAttribute(XNamespace.Xmlns + "i", Xsi) : null,
                    arguments.Select(a => a.Value is null
                        ? new XElement(ns + a.Name, new XAttribute(Xsi + "nil", true))
                        : new XElement(ns + a.Name, a.Value)))));
        var request = new XDocument(
            new XComment($" SOAP 1.1: POST {new Uri(publishedBase, endpoint.Path.TrimStart('/'))} with Content-Type: text/xml; charset=utf-8 and SOAPAction: \"{action}\" "),
            envelope);
        var requestText = Write(request);

        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Path.TrimStart('/')) { Content = new StringContent(requestText, Encoding.UTF8) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
        message.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        using var response = await http.SendAsync(message);
        var responseText = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{endpoint.Name}.{operation} answered {(int)response.StatusCode}: {responseText}");
        }

        return (requestText, XDocument.Parse(responseText));
    }

    private static XElement Wrapper(XDocument reply) => reply.Root!.Element(Soap + "Body")!.Elements().Single();

    /// <summary>Deletes the samples this run did not produce, e.g. of a removed operation.</summary>
    public void DeleteOthers()
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(f => !_written.Contains(f)))
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Writes the sample unless the file already says the same with other ids and times: every run makes new ones,
    /// and a refresh that changes no message should show no diff.
    /// </summary>
    private async Task KeepAsync(string path, string text)
    {
        _written.Add(path);
        if (!File.Exists(path) || Unstable().Replace(await File.ReadAllTextAsync(path), "") != Unstable().Replace(text, ""))
        {
            await File.WriteAllTextAsync(path, text);
        }
    }

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")]
    private static partial Regex Unstable();

    private static XElement Security(Credentials caller)
    {
        XNamespace wsse = UsernameTokenHeader.SecurityNamespace;
        return new XElement(wsse + "Security",
            new XAttribute(XNamespace.Xmlns + "wsse", wsse),
            new XElement(wsse + "UsernameToken",
                new XElement(wsse + "Username", caller.Username),
                new XElement(wsse + "Password", new XAttribute("Type", UsernameTokenHeader.PasswordTextType), caller.Password)));
    }

    private static string Write(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Pretty))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
