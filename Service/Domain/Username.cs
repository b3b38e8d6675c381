using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// The one definition of a username and of its canonical form. Usernames are ASCII (Twitter's rule), so the
/// canonical form is plain ASCII lower case; culture- or Unicode-aware case mapping would fold U+212A KELVIN SIGN
/// into <c>k</c> or U+0130 into <c>i</c> and give one account several spellings. Every key that names an account
/// (store lookup, uniqueness, throttle, nonces, verification cache) is <see cref="Canonical"/> of a valid username.
/// </summary>
public static partial class Username
{
    public const string Rule = "1 to 15 letters, digits or underscores";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>The canonical form of a valid username; false for anything that is not a username.</summary>
    public static bool TryCanonical(string? value, out string canonical)
    {
        // Only ASCII gets this far, where invariant lower case is plain ASCII lower case.
        canonical = IsValid(value) ? value!.ToLowerInvariant() : "";
        return canonical.Length > 0;
    }

    /// <summary>The canonical form of a value already validated as a username.</summary>
    public static string Canonical(string value) =>
        TryCanonical(value, out var canonical) ? canonical : throw new ArgumentException($"'{value}' is not a username.", nameof(value));

    /// <summary>The canonical forms of the valid usernames among <paramref name="values"/>.</summary>
    public static string[] CanonicalKeys(IEnumerable<string> values) =>
        [.. values.Select(v => TryCanonical(v, out var key) ? key : null).OfType<string>().Distinct(StringComparer.Ordinal)];

    // Explicit ASCII classes, as \w or IgnoreCase would let other scripts and case foldings in; \z, as $ also
    // matches before a final newline.
    [GeneratedRegex(@"^[A-Za-z0-9_]{1,15}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
