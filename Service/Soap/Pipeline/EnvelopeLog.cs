using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>
/// Optional log of raw request and response envelopes (<c>Soap:LogEnvelopes</c>), for the XML inspection
/// integrators ask for. Passwords, nonces and security tokens are blanked and each entry is cut to
/// <c>Soap:MaxLoggedEnvelopeChars</c>. When it is off, nothing is copied.
/// </summary>
public sealed partial class EnvelopeLog(IOptions<SoapLimitsOptions> options, ILogger<EnvelopeLog> logger)
{
    private readonly SoapLimitsOptions _options = options.Value;

    /// <summary>Whether envelopes are logged; when not, the pipeline does not wrap its answer for <see cref="CaptureResponseAsync"/>.</summary>
    public bool Enabled => _options.LogEnvelopes;

    public void Request(HttpContext context, byte[] buffer, int length)
    {
        if (_options.LogEnvelopes)
        {
            LogRequest(context.Request.Path, context.TraceIdentifier, Redact(Encoding.UTF8.GetString(buffer, 0, length)));
        }
    }

    /// <summary>Runs <paramref name="respond"/>, and logs what it wrote when logging is on.</summary>
    public async Task CaptureResponseAsync(HttpContext context, Func<Task> respond)
    {
        if (!_options.LogEnvelopes)
        {
            await respond();
            return;
        }

        var original = context.Response.Body;
        using var copy = new MemoryStream();
        context.Response.Body = copy;
        try
        {
            await respond();
        }
        finally
        {
            context.Response.Body = original;
        }

        LogResponse(context.Request.Path, context.Response.StatusCode, context.TraceIdentifier,
            Redact(Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length)));
        copy.Position = 0;
        await copy.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>Blanks secret elements (any prefix, any case: *password, Nonce, *SecurityToken) and cuts to size.</summary>
    public string Redact(string xml)
    {
        var redacted = Secret().Replace(xml, "${open}***${close}");
        var max = _options.MaxLoggedEnvelopeChars;
        return redacted.Length <= max ? redacted : $"{redacted[..max]}… ({redacted.Length - max} more characters)";
    }

    [GeneratedRegex(
        """(?<open><(?<name>(?:[\w.-]+:)?(?:\w*password|nonce|\w*securitytoken))\b[^>]*>)[^<]*(?<close></\k<name>\s*>)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "SOAP request to {Path} (correlation id {CorrelationId}): {Envelope}")]
    private partial void LogRequest(string path, string correlationId, string envelope);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "SOAP response from {Path}, HTTP {Status} (correlation id {CorrelationId}): {Envelope}")]
    private partial void LogResponse(string path, int status, string correlationId, string envelope);
}
