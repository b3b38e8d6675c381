using System.Text;

namespace TweetsSoap.Tests.Domain.TwitterText;

/// <summary>
/// Tweet-like texts that probe twitter-text's rules: words of many scripts, emoji sequences, URLs with and without a
/// scheme (IDN, punycode, long labels, ports, paths, queries, brackets and quotes around them), hashtags, mentions
/// and cashtags at every kind of boundary, combining marks, zero-width and invalid characters, line breaks. Pieces
/// are joined with or without separators, so every piece meets every other at a boundary.
/// </summary>
public sealed class TextGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Words =
    [
        "hello", "Tweet", "café", "naïve", "Straße", "ÉCOLE", "año", "x", "I", "ok", "RT", "rt", "via", "a1", "_", "K",
        "日本語", "漢字", "中文", "東京", "한국어", "こんにちは", "カタカナ", "ｶﾀｶﾅ", "Ａｂｃ",
        "مرحبا", "العربية", "שלום", "नमस्ते", "हिन्दी", "क्षत्रिय", "বাংলা", "ไทย", "สวัสดี", "ქართული",
        "привет", "Ελληνικά", "Ωμέγα", "ⅷ", "١٢٣", "१२३", "𝟘𝟙", "𐐷𐑌", "𠀋", "𝒳",
    ];

    private static readonly string[] Emoji =
    [
        "😀", "👍", "👍🏽", "👍🏿", "🏽", "❤", "❤️", "❤︎", "☀", "☀️", "☀︎", "©", "©️", "®️", "™", "™️", "‼️", "#️⃣", "#⃣", "1️⃣",
        "9⃣", "*️⃣", "🇺🇸", "🇯🇵", "🇺", "🇦🇶🇦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏴", "👨‍👩‍👧‍👦", "👩‍💻", "👩🏾‍💻", "🏳️‍🌈", "🏴‍☠️", "👁‍🗨", "🏃🏻‍♀️",
        "🏃‍♂️", "👨‍❤️‍💋‍👨", "🤷‍♀", "👯‍♂️", "🧟‍♀️", "🥲", "🫠", "🦩", "🧑‍🤝‍🧑", "\uFE0F", "\u200D", "😀\u200D😀", "⌚", "♟️",
        "\U0001F9D1\U0001F3FD\u200D\U0001F4BB",
    ];

    private static readonly string[] Schemes = ["", "", "", "http://", "https://", "HTTPS://", "HtTp://", "ftp://", "https:/", "//", "www."];

    private static readonly string[] Hosts =
    [
        "example.com", "t.co", "bit.ly", "a.co", "www.example", "example", "münchen.de", "xn--mnchen-3ya.de", "xn--.com",
        "twitter.한국", "example.рф", "пример.рф", "example.香港", "sub.domain.co.uk", "localhost", "127.0.0.1", "foo.co.jp",
        "my_site.com", "-bad.com", "bad-.com", "a.b.c.d.e.f.museum", "example.comcast", "example.company", "example.coM",
        "EXAMPLE.COM", "example.xyz", "example.onion", "exa mple.com", "日本example.com", "example.com日本", "example.jp語",
        "ex.ample.c", "example.c0m", "1.com", "a-b.com", "ab--cd.org", "example.com.", "example.مصر", "t.co.uk",
        "twitter.com", "x.com", "dev.to", "github.io", "π.com", "xn--n3h.com", "ελ.ελ", "ΕΛ.ΕΛ", "example.ΣΣ", "example.K",
    ];

    private static readonly string[] Ports = ["", "", "", ":8080", ":80", ":99999", ":", ":x"];

    private static readonly string[] Paths =
    [
        "", "", "", "/", "/path", "/a/b.html", "/x(y)", "/x(y(z))", "/wiki/Foo_(bar)", "/@user/", "/@user", "/%20x", "/…",
        "/日本", "/😀", "/x#frag", "/x#", "/a.b.", "/a,b,", "/a-", "/a+", "/[x]", "/x?", "/x!", "/x'", "/x\"", "/café",
        "/путь", "/a|b", "/a~b", "/a=b", "/A_Z", "/x:y", "/$x", "/x*", "/😀x", "/x\u200B", "/ab)", "/ab(", "/x/",
    ];

    private static readonly string[] Queries = ["", "", "", "?a=1", "?a=1&b=2", "?q=", "?x=1.", "?x=\"", "?x=(1)", "?", "?a=b#c", "?日本", "?x=1,"];

    private static readonly string[] Tags =
    [
        "#tag", "#日本", "#123", "#tag_1", "#ab·cd", "#\u200Dtag", "#tag\u200C", "#hola#chau", "＃full", "#tag://", "#", "#é",
        "#e\u0301", "#_", "#1a", "#a1", "#ça", "#Ωμέγα", "#한국", "#ñ", "#\U00016F04\U00016F51", "#𝒳", "#a-b", "#a'b", "#tag#",
        "#\uFE0F", "#️", "#\u20E3", "#a.b", "#ab&", "#x゛", "#ー", "#ทดสอบ", "#тест", "#עברית", "#مرحبا", "#हिन्दी", "##tag",
    ];

    private static readonly string[] Mentions =
    [
        "@user", "@user/list", "@user/7list", "@user/list-name_1", "@a_very_long_username_over_20", "＠user", "RT @user",
        "rt:@user", "RT:@user", "a@user", "@user@x", "@userá", "@user://", "@", "@_", "@user_", "@user.", "@12345",
        "@user/", "@user/a123456789012345678901234567", "!@user", "#@user", "$@user", "%@user", "&@user", "*@user", "@@user",
        "+RT @user", "~rt @user", ".RT @user", "ä@user", "日本@user", "@user's", "@ab:",
    ];

    private static readonly string[] Cashtags =
    [
        "$AAPL", "$aapl", "$BRK.A", "$BRK_B", "$TOOLONG", "$A1", "$ab.cde", "$$X", "x$AB", "$AB$CD", "$AB,", "$AB!", "$AB.",
        "$AB\u00A0", "$AB\u3000", "$A", "$ab_c", "$ab.c1", "$日本", "$€", "$AB'", "$AB-", "$AB\n",
    ];

    private static readonly string[] Separators =
    [
        " ", " ", " ", " ", "", "", "  ", "\n", "\t", "\r\n", "\n\n", "\u3000", "\u00A0", "\u200B", "\u2028", ",", ", ", ". ",
        ".", "…", "、", "。", "!", "?", "-", "_", "/", ":", ";", "&", "'", "\"", "«", "»", "„", "“", "”", "‘", "’", "(", ")",
        "[", "]", "{", "}", "<", ">", "=", "+", "*", "|", "\\", "~", "^", "`", "·", "\u202A", "\u202C", "\u200E", "\u200F",
        "\u2066", "\u2069", "\u061C", "\u180E", "\u0085", "\u2060",
    ];

    private static readonly string[] Oddities =
    [
        "e\u0301", "\u0301", "a\u0316\u0300", "\u1112\u1161\u11AB", "A\u030A", "\u212B", "\u0958", "\uFB2A", "\u00C5",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\uFFFE", "\uFFFF", "\u2000", "\u200A", "\u2010", "\u201F",
        "\u2032", "\u2037", "\u2038", "\u10FF", "\u1100", "\u0007", "\u007F", "\u0080", "\u009F", "\uFFFD", "\uFDD0",
        "\u2126", "K", "\u212A", "\u017F", "\u0130", "\u0131", "ß", "ẞ", "ǅ", "ʀ", "ⱥ", "\u1C80",
    ];

    public IEnumerable<string> Texts(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Text();
        }
    }

    private string Text()
    {
        var text = new StringBuilder();
        var pieces = _random.Next(10) switch
        {
            0 => _random.Next(40, 160), // long enough to cross 280 in most scripts
            1 or 2 => 1,
            _ => _random.Next(2, 16),
        };
        for (var i = 0; i < pieces; i++)
        {
            if (i > 0)
            {
                text.Append(Pick(Separators));
            }

            text.Append(Piece());
        }

        if (_random.Next(8) == 0)
        {
            // Near the limit: pad with characters of weight 1 or 2 until 270 to 290.
            var unit = _random.Next(2) == 0 ? "a" : "漢";
            var target = _random.Next(270, 291);
            while (EstimatedWeight(text) < target)
            {
                text.Append(unit);
            }
        }

        return text.ToString();
    }

    private static int EstimatedWeight(StringBuilder text)
    {
        var weight = 0;
        for (var i = 0; i < text.Length; i++)
        {
            weight += text[i] <= '\u10FF' ? 1 : 2;
        }

        return weight;
    }

    private string Piece() => _random.Next(20) switch
    {
        < 5 => Pick(Words),
        < 8 => Url(),
        < 10 => Pick(Emoji),
        < 12 => Pick(Tags),
        < 14 => Pick(Mentions),
        < 15 => Pick(Cashtags),
        < 17 => Pick(Oddities),
        < 18 => LongLabelUrl(),
        _ => Pick(Words) + Pick(Emoji) + Pick(Words),
    };

    private string Url()
    {
        var wrap = _random.Next(12) switch
        {
            0 => ("(", ")"),
            1 => ("[", "]"),
            2 => ("\"", "\""),
            3 => ("«", "»"),
            4 => ("'", "'"),
            5 => ("<", ">"),
            6 => ("「", "」"),
            _ => ("", ""),
        };
        var tail = _random.Next(6) == 0 ? Pick([".", ",", "!", "?", ":", ";", "...", "…", ")", "'s"]) : "";
        return wrap.Item1 + Pick(Schemes) + Pick(Hosts) + Pick(Ports) + Pick(Paths) + Pick(Queries) + tail + wrap.Item2;
    }

    /// <summary>Labels around DNS's 63-character limit, in ASCII and in letters that Punycode makes longer.</summary>
    private string LongLabelUrl()
    {
        var letter = Pick(["x", "x", "ü", "日", "a-"]);
        var repeat = _random.Next(15, 75);
        var label = string.Concat(Enumerable.Repeat(letter, repeat));
        if (label.EndsWith('-'))
        {
            label += "b";
        }

        return Pick(Schemes) + Pick(["", "www.", "sub."]) + label + Pick([".com", ".de", ".co", ".jp"]) + Pick(Paths);
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
