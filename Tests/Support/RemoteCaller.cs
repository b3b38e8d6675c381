using System.Globalization;
using System.Net;
using System.Security;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// A caller somewhere else on the network: its TCP connections leave from a loopback address the test chooses
/// (any of 127.0.0.0/8 reaches the service on 127.0.0.1), so the service sees a different client address per caller.
/// </summary>
public sealed class RemoteCaller : IDisposable
{
    private readonly HttpClient _http;

    public RemoteCaller(Uri service, string source)
    {
        _http = SourceAddress.Client(service, source);
        Source = source;
    }

    public string Source { get; }

    /// <summary>Logs in over <paramref name="face"/>: <c>ok</c>, or the fault's code (<c>Unauthenticated</c>, <c>Throttled</c>...).</summary>
    public async Task<string> LoginAsync(Face face, string username, string password, string? nonce = null, DateTimeOffset? created = null)
    {
        if (face == Face.Json)
        {
            using var response = await new JsonApi(_http).SendAsync(HttpMethod.Post, "api/login", null, username, password);
            return response.IsSuccessStatusCode ? "ok" : (await JsonApi.ProblemOfAsync(response)).Code.ToString();
        }

        var version = face == Face.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var answer = await RawSoap.PostAsync(_http, "UserService.svc", version, RawSoap.Action("UserService", "Login"),
            RawSoap.Envelope(version, $"<Login xmlns=\"{RawSoap.Ns}\"/>", Token(username, password, nonce, created)));
        return answer.Status == HttpStatusCode.OK ? "ok" : answer.DetailCode ?? $"HTTP {(int)answer.Status}: {answer.Body}";
    }

    /// <summary>A PasswordText UsernameToken, with a nonce and a creation time when given.</summary>
    public static string Token(string username, string password, string? nonce = null, DateTimeOffset? created = null) =>
        $"""<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsse:UsernameToken><wsse:Username>{SecurityElement.Escape(username)}</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">{SecurityElement.Escape(password)}</wsse:Password>"""
        + (nonce is null ? "" : $"<wsse:Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{nonce}</wsse:Nonce>")
        + (created is { } c ? $"<wsu:Created>{c.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}</wsu:Created>" : "")
        + "</wsse:UsernameToken></wsse:Security>";

    public void Dispose() => _http.Dispose();
}
