using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace TweetsSoap.Service.Soap.Pipeline;

/// <summary>Reads a request body into memory without ever holding more than the configured limit, and works out its encoding.</summary>
public static partial class RequestBody
{
    /// <summary>
    /// The body in an array rented from the shared pool (give it back with <see cref="Return"/>), or null when it is
    /// longer than <paramref name="limit"/> bytes (only limit + 1 bytes are read to know).
    /// </summary>
    public static async ValueTask<(byte[] Buffer, int Length)?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        var capacity = (int)Math.Clamp(request.ContentLength ?? 4096, 1, limit + 1L);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == capacity)
                {
                    if (length > limit)
                    {
                        Return(buffer);
                        return null;
                    }

                    capacity = Math.Min(limit + 1, capacity * 2);
                    var larger = ArrayPool<byte>.Shared.Rent(capacity);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    /// <summary>Gives a body read by <see cref="ReadAsync"/> back to the pool; nothing may read it afterwards.</summary>
    public static void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer);

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
        return family == "utf-8" ? StrictUtf8 : bigEndian ? StrictUtf16BigEndian : StrictUtf16;
    }

    // Encodings are immutable; each use makes its own decoder.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private static string? Family(string name) =>
        Is(name, "utf-8") || Is(name, "utf8") ? "utf-8"
        : Is(name, "utf-16") || Is(name, "utf-16le") || Is(name, "utf-16be") ? "utf-16"
        : null;

    private static bool Is(string name, string charset) => name.Equals(charset, StringComparison.OrdinalIgnoreCase);

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

        // The declaration can only match at the very start; most requests have none, and then nothing is decoded.
        if (!body.StartsWith("<?xml"u8))
        {
            return null;
        }

        var match = Declaration().Match(Encoding.Latin1.GetString(body[..Math.Min(body.Length, 128)]));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""^<\?xml\s[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")]
    private static partial Regex Declaration();
}
