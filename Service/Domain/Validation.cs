using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Text.RegularExpressions;
using TweetsSoap.Service.Domain.TweetText;

namespace TweetsSoap.Service.Domain;

/// <summary>
/// Collects every problem of one request, so a client learns all its mistakes in one fault, not one per call.
/// Field names are the contract's element names.
/// </summary>
public sealed partial class Validation
{
    private readonly List<(string Field, string Problem)> _problems = [];

    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 64;
    public const int MaxNameLength = 50;
    public const int MaxEmailLength = 254;
    public const int MaxClientRequestIdLength = 64;

    private const string ControlCharacters = "must not contain control characters (other than tab and line breaks) or unpaired surrogates";

    public Validation Username(string? value, string field = "username")
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required");
        }

        return Domain.Username.IsValid(value) ? this : Add(field, $"must be {Domain.Username.Rule}");
    }

    public Validation Email(string? value, string field = "email")
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required");
        }

        var valid = value.Length <= MaxEmailLength
            && MailAddress.TryCreate(value, out var address)
            && address.Address == value
            && address.DisplayName.Length == 0
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace)
            && TextRules.IsPlainText(value);
        return valid ? this : Add(field, "must be a valid email address such as ada@example.org");
    }

    public Validation Password(string? value, string field = "password")
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "is required");
        }

        var length = TextRules.PerceivedLength(value);
        if (!TextRules.IsPlainText(value))
        {
            return Add(field, ControlCharacters);
        }

        return length is >= MinPasswordLength and <= MaxPasswordLength
            ? this
            : Add(field, $"must be {MinPasswordLength} to {MaxPasswordLength} characters");
    }

    public Validation Name(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required");
        }

        var length = TextRules.PerceivedLength(value);
        var valid = length <= MaxNameLength && TextRules.IsPlainText(value);
        return valid ? this : Add(field, $"must be 1 to {MaxNameLength} characters without control characters");
    }

    public Validation BirthDate(DateOnly? value, DateOnly today, string field = "birthDate")
    {
        if (value is not { } date)
        {
            return this;
        }

        return date > today ? Add(field, $"must not be in the future (today is {today:yyyy-MM-dd} UTC)") : this;
    }

    /// <summary>
    /// Accepts exactly the texts twitter-text 3.1.0's <c>parseTweet</c> calls valid (see <see cref="TwitterText.ParseLength"/>)
    /// among those an XML 1.0 message can carry: a text with a control character other than tab, line feed and carriage
    /// return, or with an unpaired surrogate, can reach the JSON face but could never be read back over SOAP.
    /// </summary>
    public Validation TweetText(string? value, string field = "text")
    {
        if (string.IsNullOrEmpty(value))
        {
            return Add(field, "must not be empty");
        }

        var length = TwitterText.ParseLength(value);
        if (!length.Valid)
        {
            return length.WeightedLength > WeightConfig.Version3.MaxWeightedTweetLength
                ? Add(field, $"has a weighted length of {length.WeightedLength}; the limit is {WeightConfig.Version3.MaxWeightedTweetLength} (as twitter-text counts it: URLs 23, emoji and most non-Latin characters 2)")
                : Add(field, "must not contain U+FFFE, U+FEFF or U+FFFF");
        }

        // Exactly twitter-text's decision for every text XML 1.0 can carry; beyond it, the characters XML cannot carry
        // (C0 controls but tab and line breaks, unpaired surrogates), which no SOAP client could read back. Other
        // controls twitter-text accepts (DEL, C1) stay accepted; logs escape them.
        return TextRules.IsXmlText(value)
            ? this
            : Add(field, "must not contain control characters other than tab, line feed and carriage return, or unpaired surrogates");
    }

    public Validation RequiredText(string? value, int maxLength, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "is required");
        }

        if (!TextRules.IsPlainText(value))
        {
            return Add(field, ControlCharacters);
        }

        return value.Length <= maxLength ? this : Add(field, $"must be at most {maxLength} characters");
    }

    public Validation Batch<T>(IReadOnlyCollection<T>? values, string field) =>
        values is { Count: >= 1 and <= Paging.MaxPageSize }
            ? this
            : Add(field, $"must hold 1 to {Paging.MaxPageSize} items");

    /// <summary>Absent or empty means the caller does not ask for idempotency.</summary>
    public Validation ClientRequestId(string? value, string field = "clientRequestId") =>
        string.IsNullOrEmpty(value) || ClientRequestIdPattern().IsMatch(value)
            ? this
            : Add(field, $"must be 1 to {MaxClientRequestIdLength} letters, digits or the characters . _ : - (a UUID will do)");

    public Validation Required(Guid value, string field) => value == Guid.Empty ? Add(field, "is required") : this;

    public Validation PageSize(int? value, string field = "maxResults") =>
        value is null or (>= Paging.MinPageSize and <= Paging.MaxPageSize)
            ? this
            : Add(field, $"must be {Paging.MinPageSize} to {Paging.MaxPageSize}");

    public Validation Add(string field, string problem)
    {
        _problems.Add((field, problem));
        return this;
    }

    /// <summary>Raises one <c>ValidationFailed</c> fault naming every field at fault, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (_problems.Count > 0)
        {
            Throw();
        }
    }

    [DoesNotReturn]
    private void Throw() =>
        throw OperationException.ValidationFailed(
            string.Join("; ", _problems.Select(p => $"{p.Field} {p.Problem}")) + ".",
            _problems.Select(p => p.Field).Distinct());

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientRequestIdPattern();
}
