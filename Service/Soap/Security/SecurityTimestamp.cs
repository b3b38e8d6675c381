using System.Globalization;
using System.Xml.Linq;

namespace TweetsSoap.Service.Soap.Security;

/// <summary>
/// The freshness a request's <c>wsse:Security/wsu:Timestamp</c> claims: a message past its <c>Expires</c>, or
/// <c>Created</c> in the future, is refused whatever the operation, as WS-Security's MessageExpired asks. Clocks may
/// differ by <see cref="Allowance"/>; a WCF client's Timestamp lives five minutes, so that much skew still passes.
/// </summary>
public static class SecurityTimestamp
{
    public static readonly TimeSpan Allowance = TimeSpan.FromSeconds(60);

    /// <summary>Why the Timestamp in <paramref name="security"/> is not acceptable at <paramref name="now"/>, or null.</summary>
    public static string? Problem(XElement security, DateTimeOffset now)
    {
        XNamespace wsu = UsernameTokenHeader.UtilityNamespace;
        if (security.Element(wsu + "Timestamp") is not { } timestamp)
        {
            return null;
        }

        if (!TryRead(timestamp.Element(wsu + "Created"), out var created) || !TryRead(timestamp.Element(wsu + "Expires"), out var expires))
        {
            return "wsu:Created and wsu:Expires of the wsu:Timestamp must be xs:dateTime values such as 2026-11-30T12:00:00Z.";
        }

        if (expires is { } end && end + Allowance < now)
        {
            return $"The message expired at {end.UtcDateTime:O} (its wsu:Timestamp Expires); the service's clock says {now.UtcDateTime:O}. Send a fresh Timestamp.";
        }

        if (created is { } start && start - Allowance > now)
        {
            return $"The message claims to be created at {start.UtcDateTime:O}, in the future of the service's clock ({now.UtcDateTime:O}) by more than {Allowance.TotalSeconds:0} seconds.";
        }

        return created is { } from && expires is { } to && to < from
            ? "The wsu:Timestamp expires before it was created."
            : null;
    }

    private static bool TryRead(XElement? element, out DateTimeOffset? value)
    {
        value = null;
        if (element is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(element.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
