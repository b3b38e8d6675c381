using System.Net.Http.Headers;
using System.Text;
using TweetsSoap.Service.Identity;

namespace TweetsSoap.Service.Rest;

/// <summary>
/// Reads HTTP Basic credentials (RFC 7617) into the same <see cref="RequestCredentials"/> the WS-Security header
/// fills, so the operations check them exactly like a UsernameToken.
/// </summary>
public static class BasicCredentials
{
    public const string Challenge = "Basic realm=\"TweetsSoap\", charset=\"UTF-8\"";

    public static void Read(HttpRequest request, RequestCredentials into)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return;
        }

        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            into.Problem = "The Authorization header must be HTTP Basic credentials: Basic base64(username:password).";
            return;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            decoded = "";
        }
        catch (DecoderFallbackException)
        {
            decoded = "";
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            into.Problem = "The Basic credentials must be base64 of UTF-8 username:password.";
            return;
        }

        into.Value = new Credentials(decoded[..colon].Trim(), decoded[(colon + 1)..]);
    }
}
