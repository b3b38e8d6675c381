namespace TweetsSoap.Service.Soap;

/// <summary>The <c>Soap</c> configuration section: what a request may be, and what of it is logged.</summary>
public sealed class SoapLimitsOptions
{
    public const string Section = "Soap";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413 before they are read in full.
    /// A tweet is at most 280 characters, so 64 KiB leaves room for any header a toolkit adds.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest element nesting accepted (the envelope counts as level 1).</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Most attributes, namespace declarations included, on one element.</summary>
    public int MaxAttributesPerElement { get; set; } = 32;

    /// <summary>Longest element or attribute name, prefix included.</summary>
    public int MaxNameLength { get; set; } = 256;

    /// <summary>Log every request and response envelope (redacted) for XML inspection. Off by default.</summary>
    public bool LogEnvelopes { get; set; }

    /// <summary>How much of each logged envelope is kept, in characters.</summary>
    public int MaxLoggedEnvelopeChars { get; set; } = 8 * 1024;
}
