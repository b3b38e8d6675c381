using System.Net.Http.Headers;
using System.Text;

namespace TweetsSoap.Client.Compare;

public enum Face
{
    Soap11,
    Soap12,
    Json,
}

/// <summary>
/// Builds one operation's request for each face by hand: raw SOAP 1.1 and 1.2 envelopes (with a WS-Security
/// UsernameToken where the operation needs one) and plain JSON (with HTTP Basic), the bytes a real client sends.
/// </summary>
public sealed class Faces(string username, string password)
{
    public string Username => username;

    private const string Ns = "http://tweetssoap.example/2026/11";

    public static string Label(Face face) => face switch
    {
        Face.Soap11 => "SOAP 1.1",
        Face.Soap12 => "SOAP 1.2",
        _ => "JSON",
    };

    public HttpRequestMessage Soap(Face face, string service, string operation, string arguments, bool authenticated)
    {
        var envelopeNs = face == Face.Soap11 ? "http://schemas.xmlsoap.org/soap/envelope/" : "http://www.w3.org/2003/05/soap-envelope";
        var header = authenticated ? $"<s:Header>{UsernameToken()}</s:Header>" : "";
        var envelope = $"<s:Envelope xmlns:s=\"{envelopeNs}\">{header}<s:Body><{operation} xmlns=\"{Ns}\">{arguments}</{operation}></s:Body></s:Envelope>";
        var action = $"{Ns}/{service}/{operation}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"{service}.svc") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(envelope)) };
        if (face == Face.Soap11)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml; charset=utf-8");
            request.Headers.TryAddWithoutValidation("SOAPAction", $"\"{action}\"");
        }
        else
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"application/soap+xml; charset=utf-8; action=\"{action}\"");
        }

        return request;
    }

    public HttpRequestMessage Json(HttpMethod method, string path, string? body, bool authenticated)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }

        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return request;
    }

    private string UsernameToken() =>
        "<wsse:Security xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><wsse:UsernameToken>"
        + $"<wsse:Username>{username}</wsse:Username><wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText\">{password}</wsse:Password>"
        + "</wsse:UsernameToken></wsse:Security>";
}
