using System.Text;
using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>Reads a request body into memory without ever holding more than the configured limit, and works out its encoding.</summary>
public static partial class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (only limit + 1 bytes are read to know).</summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Clamp(request.ContentLength ?? 4096, 1, limit + 1L)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }
    }

    /// <summary>
    /// The strict decoder for the body: the Content-Type's charset, else the byte order mark or XML declaration,
    /// else UTF-8. Null, with the reason, when they contradict each other or name something other than the UTF-8 and
    /// UTF-16 that WS-I Basic Profile R1012 allows.
    /// </summary>
    public static Encoding? EncodingOf(string? charset, ReadOnlySpan<byte> body, out string? problem)
    {
        var declared = DeclaredCharset(body);
        var chosen = charset?.Trim('"', ' ') ?? declared ?? "utf-8";
        var family = Family(chosen);
        if (family is null)
        {
            problem = $"The charset '{chosen}' is not accepted; send UTF-8 (or UTF-16).";
            return null;
        }

        if (declared is not null && Family(declared) != family)
        {
            problem = $"The Content-Type says charset={charset}, but the body is marked as {declared}.";
            return null;
        }

        problem = null;
        var bigEndian = chosen.Equals("utf-16be", StringComparison.OrdinalIgnoreCase) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return family == "utf-8"
            ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            : new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
    }

    private static string? Family(string name) => name.ToLowerInvariant() switch
    {
        "utf-8" or "utf8" => "utf-8",
        "utf-16" or "utf-16le" or "utf-16be" => "utf-16",
        _ => null,
    };

    private static string? DeclaredCharset(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return "utf-8";
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "utf-16";
        }

        var match = Declaration().Match(Encoding.Latin1.GetString(body[..Math.Min(body.Length, 128)]));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""^<\?xml\s[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex Declaration();
}
