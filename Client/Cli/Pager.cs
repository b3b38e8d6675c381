namespace TweetsSoap.Client.Cli;

/// <summary>One page of a listing, whatever the operation's page type.</summary>
public sealed record Page<TItem>(IReadOnlyList<TItem> Items, string? NextPageToken);

/// <summary>The operations' page types as <see cref="Page{TItem}"/>.</summary>
internal static class Pages
{
    public static Page<User> Of(UserPage? page) => new([.. page?.Users ?? []], page?.NextPageToken);

    public static Page<Tweet> Of(TweetPage? page) => new([.. page?.Tweets ?? []], page?.NextPageToken);
}

/// <summary>Prints one page, or with <c>--all</c> walks every page, reporting progress on stderr past the first.</summary>
internal static class Pager
{
    public static async Task RunAsync<TItem>(Session session, bool all, string? pageToken, Func<string?, Task<Page<TItem>>> fetch, Action<TextWriter, TItem> print)
    {
        var page = await fetch(pageToken);
        if (!all)
        {
            session.PrintPage(page, print);
            return;
        }

        var items = new List<TItem>(page.Items);
        for (var pages = 1; page.NextPageToken is { } next; pages++)
        {
            page = await fetch(next);
            items.AddRange(page.Items);
            session.Progress($"page {pages + 1}: {items.Count} so far");
        }

        session.PrintPage(new Page<TItem>(items, null), print);
    }
}
