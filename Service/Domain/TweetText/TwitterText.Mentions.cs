namespace TweetsSoap.Service.Domain.TweetText;

public static partial class TwitterText
{
    /// <summary>@mentions and @owner/list references, as twitter-text's <c>extractMentionsOrListsWithIndices</c> finds them.</summary>
    public static List<EntitySpan> ExtractMentionsOrLists(string text)
    {
        var mentions = new List<EntitySpan>();
        if (text.AsSpan().IndexOfAny('@', '＠') < 0)
        {
            return mentions;
        }

        foreach (var match in Scan.BeforeSigns(Patterns.Mention(), text, "@＠", reach: 4))
        {
            if (Patterns.MentionEnd().IsMatch(text, match.Index + match.Length))
            {
                continue;
            }

            var name = match.Groups["name"];
            var list = match.Groups["list"];
            var end = list.Success ? list.Index + list.Length : name.Index + name.Length;
            mentions.Add(list.Success
                ? new EntitySpan(EntityKind.List, name.Index - 1, end, name.Value, list.Value)
                : new EntitySpan(EntityKind.Mention, name.Index - 1, end, name.Value));
        }

        return mentions;
    }

    /// <summary>@mentions only (no lists), as twitter-text's <c>extractMentionsWithIndices</c> finds them.</summary>
    public static List<EntitySpan> ExtractMentions(string text) =>
        [.. ExtractMentionsOrLists(text).Where(m => m.Kind == EntityKind.Mention)];

    /// <summary>The username a tweet replies to: an @mention at its very start, after spaces at most.</summary>
    public static string? ExtractReply(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Patterns.Reply().Match(text);
        return match.Success && !Patterns.MentionEnd().IsMatch(text, match.Index + match.Length) ? match.Groups["name"].Value : null;
    }

    public static bool IsValidUsername(string? username) =>
        !string.IsNullOrEmpty(username) && ExtractMentions(username) is [var only] && only.Value == username[1..];

    public static bool IsValidList(string usernameList) =>
        Patterns.WholeList().Match(usernameList) is { Success: true } match
        && match.Groups["before"].Length == 0
        && match.Groups["list"].Length > 0;
}
