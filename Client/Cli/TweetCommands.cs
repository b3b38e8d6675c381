using System.CommandLine;

namespace TweetsSoap.Client.Cli;

/// <summary>post, get, list, edit, delete.</summary>
public static class TweetCommands
{
    public static IEnumerable<Command> All()
    {
        var text = new Argument<string>("text") { Description = "The tweet, 1 to 280 characters" };
        var tweetId = new Argument<Guid>("tweet-id") { Description = "The tweet's id" };
        var author = new Option<Guid?>("--author") { Description = "Only this user's tweets" };
        var maxResults = new Option<int?>("--max-results") { Description = "Page size, 1 to 100 (default 20)" };
        var pageToken = new Option<string?>("--page-token") { Description = "The next-page token of the previous page" };
        var replyTo = new Option<Guid?>("--reply-to") { Description = "The tweet this one answers" };
        var quote = new Option<Guid?>("--quote") { Description = "The tweet this one quotes" };

        yield return TweetsCli.Define("post", "Post a tweet, optionally as a reply or a quote", true, [text, replyTo, quote], async (s, r) =>
        {
            using var tweets = s.Tweets();
            await TweetsCli.PrintAsync(s, tweets.PostTweetAsync(r.GetValue(text), r.GetValue(replyTo), r.GetValue(quote), null), Printer.Tweet);
        });

        yield return TweetsCli.Define("get", "Show a tweet", false, [tweetId], async (s, r) =>
        {
            using var tweets = s.Tweets();
            await TweetsCli.PrintAsync(s, tweets.GetTweetAsync(r.GetValue(tweetId)), Printer.Tweet);
        });

        yield return TweetsCli.Define("list", "List tweets, newest first, one page at a time", false, [author, maxResults, pageToken], async (s, r) =>
        {
            using var tweets = s.Tweets();
            await TweetsCli.PrintAsync(s, tweets.ListTweetsAsync(r.GetValue(author), r.GetValue(maxResults), r.GetValue(pageToken)), Printer.Tweets);
        });

        yield return TweetsCli.Define("edit", "Replace the text of your own tweet", true, [tweetId, text], async (s, r) =>
        {
            using var tweets = s.Tweets();
            await TweetsCli.PrintAsync(s, tweets.UpdateTweetAsync(r.GetValue(tweetId), r.GetValue(text)), Printer.Tweet);
        });

        yield return TweetsCli.Define("delete", "Delete your own tweet", true, [tweetId], async (s, r) =>
        {
            using var tweets = s.Tweets();
            await tweets.DeleteTweetAsync(r.GetValue(tweetId));
            await s.PrintEnvelopesAsync();
            await s.Output.WriteLineAsync($"deleted tweet {r.GetValue(tweetId)}");
        });
    }
}
