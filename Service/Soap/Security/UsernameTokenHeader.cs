using System.Globalization;
using System.Xml.Linq;
using TweetsSoap.Service.Identity;

namespace TweetsSoap.Service.Soap.Security;

/// <summary>Reads the WS-Security 1.0 <c>wsse:Security/wsse:UsernameToken</c> header that SoapUI, zeep, PHP and WCF send.</summary>
public static class UsernameTokenHeader
{
    public const string SecurityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public const string PasswordTextType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";
    public const string UtilityNamespace = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    public const string PasswordDigestType = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";

    /// <summary>Records the credentials of a <c>wsse:Security</c> element, or why they are unusable.</summary>
    public static void Read(XElement security, RequestCredentials into)
    {
        XNamespace wsse = SecurityNamespace;
        var token = security.Element(wsse + "UsernameToken");
        var username = token?.Element(wsse + "Username")?.Value.Trim();
        var passwordElement = token?.Element(wsse + "Password");
        var password = passwordElement?.Value;
        var passwordType = passwordElement?.Attribute("Type")?.Value;

        if (passwordType is not (null or "" or PasswordTextType))
        {
            into.Problem = passwordType == PasswordDigestType
                ? "PasswordDigest cannot be checked against salted password hashes; send the password as PasswordText over TLS."
                : $"The password type '{passwordType}' is not supported; send PasswordText over TLS.";
            return;
        }

        if (string.IsNullOrEmpty(username) || password is null)
        {
            into.Problem = "The wsse:Security header has no UsernameToken with a Username and a Password.";
            return;
        }

        // wsu:Created of the token, or of the wsu:Timestamp that WCF sends beside it instead.
        XNamespace wsu = UtilityNamespace;
        var createdText = (token!.Element(wsu + "Created") ?? security.Element(wsu + "Timestamp")?.Element(wsu + "Created"))?.Value;
        DateTimeOffset? created = null;
        if (createdText is not null)
        {
            if (!DateTimeOffset.TryParse(createdText.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                into.Problem = $"wsu:Created '{createdText}' is not an xs:dateTime.";
                return;
            }

            created = parsed;
        }

        into.Value = new Credentials(username, password, created, token.Element(wsse + "Nonce")?.Value.Trim());
    }
}
