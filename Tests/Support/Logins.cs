using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace TweetsSoap.Tests.Support;

/// <summary>Login attempts as raw HTTP, the way a password-guessing script sends them, optionally with forwarded headers.</summary>
public static class Logins
{
    /// <summary>What one attempt got: <c>ok</c> or the fault code, and the correlation id of a fault.</summary>
    public sealed record Attempt(string Code, string? CorrelationId);

    public static async Task<Attempt> AttemptAsync(HttpClient client, Face face, string username, string password, string? forwardedFor = null)
    {
        using var request = face == Face.Json ? JsonLogin(username, password) : SoapLogin(face, username, password);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return new Attempt("ok", null);
        }

        if (face == Face.Json)
        {
            using var problem = JsonDocument.Parse(body);
            return new Attempt(problem.RootElement.GetProperty("code").GetString()!, problem.RootElement.GetProperty("correlationId").GetString());
        }

        var detail = XDocument.Parse(body).Descendants(RawSoap.Tns + "ServiceFault").Single();
        return new Attempt(detail.Element(RawSoap.Tns + "Code")!.Value, detail.Element(RawSoap.Tns + "CorrelationId")?.Value);
    }

    private static HttpRequestMessage JsonLogin(string username, string password) => new(HttpMethod.Post, "api/login")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))) },
    };

    private static HttpRequestMessage SoapLogin(Face face, string username, string password)
    {
        var version = face == Face.Soap11 ? SoapVersion.Soap11 : SoapVersion.Soap12;
        var action = RawSoap.Action("UserService", "Login");
        var envelope = RawSoap.Envelope(version, $"<Login xmlns=\"{RawSoap.Ns}\"/>", RawSoap.UsernameToken(username, password));
        var request = new HttpRequestMessage(HttpMethod.Post, "UserService.svc") { Content = new StringContent(envelope, Encoding.UTF8) };
        if (version == SoapVersion.Soap11)
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
}
