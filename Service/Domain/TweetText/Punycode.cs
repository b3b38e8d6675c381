namespace TweetsSoap.Service.Domain.TweetText;

/// <summary>
/// How long a domain label becomes in ASCII (RFC 3492 Punycode with the <c>xn--</c> prefix), the way twitter-text
/// measures it with the punycode.js package 1.4.1: IDNA's full mapping is not applied, the RFC 3490 dots
/// (U+3002, U+FF0E, U+FF61) split the label further, and a label with any character outside U+0020–U+007E is encoded.
/// Only the length matters to twitter-text (a label must come to 1 to 63 characters), so only the length is computed.
/// </summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 0x80;

    private static readonly System.Buffers.SearchValues<char> Dots = System.Buffers.SearchValues.Create(".\u3002\uFF0E\uFF61");

    public static int AsciiLength(ReadOnlySpan<char> label)
    {
        var length = 0;
        var first = true;
        while (true)
        {
            var dot = label.IndexOfAny(Dots);
            var part = dot < 0 ? label : label[..dot];
            length += (first ? 0 : 1) + (NeedsEncoding(part) ? "xn--".Length + EncodedLength(part) : part.Length);
            first = false;
            if (dot < 0)
            {
                return length;
            }

            label = label[(dot + 1)..];
        }
    }

    private static bool NeedsEncoding(ReadOnlySpan<char> part) => part.ContainsAnyExceptInRange('\u0020', '\u007E');

    private static int EncodedLength(ReadOnlySpan<char> part)
    {
        var codePoints = CodePoints(part);
        var basic = codePoints.Count(c => c < 0x80);
        var length = basic + (basic > 0 ? 1 : 0);
        long n = InitialN, delta = 0;
        var bias = InitialBias;
        var handled = basic;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(c => c >= n).Min();
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var c in codePoints)
            {
                if (c < n)
                {
                    delta++;
                }

                if (c == n)
                {
                    var q = delta;
                    for (var k = Base; ; k += Base)
                    {
                        var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                        if (q < t)
                        {
                            break;
                        }

                        length++;
                        q = (q - t) / (Base - t);
                    }

                    length++;
                    bias = Adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }

            delta++;
            n++;
        }

        return length;
    }

    private static int Adapt(long delta, int points, bool firstTime)
    {
        delta = firstTime ? delta / Damp : delta >> 1;
        delta += delta / points;
        var k = 0;
        while (delta > (Base - TMin) * TMax / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + (Base - TMin + 1) * delta / (delta + Skew));
    }

    /// <summary>Code points as punycode.js reads them: a surrogate without its partner stands for itself.</summary>
    private static List<int> CodePoints(ReadOnlySpan<char> part)
    {
        var points = new List<int>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (char.IsHighSurrogate(part[i]) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]))
            {
                points.Add(char.ConvertToUtf32(part[i], part[i + 1]));
                i++;
            }
            else
            {
                points.Add(part[i]);
            }
        }

        return points;
    }
}
