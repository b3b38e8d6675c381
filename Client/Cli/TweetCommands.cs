using System.CommandLine;

namespace TweetsSoap.Client.Cli;

/// <summary>The TweetService: post, get, get-tweets, list, timeline, home, conversation, search, edit, delete.</summary>
public static class TweetCommands
{
    public static IEnumerable<Command> All()
    {
        var text = new Argument<string>("text") { Description = "The tweet, up to 280 by Twitter's weighted length" };
        var tweetId = new Argument<Guid>("tweet-id") { Description = "The tweet's id" };
        var tweetIds = new Argument<Guid[]>("tweet-ids") { Description = "Tweet ids to look up, 1 to 100", Arity = ArgumentArity.OneOrMore };
        var userId = new Argument<Guid>("user-id") { Description = "The user's id" };
        var conversationId = new Argument<Guid>("conversation-id") { Description = "The conversation's id (its first tweet's id)" };
        var query = new Argument<string>("query") { Description = "Words, #hashtags or @mentions that every tweet found contains" };
        var author = new Option<Guid?>("--author") { Description = "Only this user's tweets" };
        var replyTo = new Option<Guid?>("--reply-to") { Description = "The tweet this one answers" };
        var quote = new Option<Guid?>("--quote") { Description = "The tweet this one quotes" };
        var clientRequestId = new Option<string?>("--client-request-id") { Description = "Makes a retried post create one tweet" };
        var sinceId = new Option<Guid?>("--since-id") { Description = "Only tweets newer than this one" };
        var untilId = new Option<Guid?>("--until-id") { Description = "Only tweets older than this one" };

        yield return TweetsCli.Define("post", "Post a tweet, optionally as a reply or a quote", true, [text, replyTo, quote, clientRequestId],
            (s, r) => s.Tweets().PostTweetAsync(r.GetValue(text), r.GetValue(replyTo), r.GetValue(quote), r.GetValue(clientRequestId)), Printer.Tweet);

        yield return TweetsCli.Define("get", "Show a tweet", false, [tweetId],
            (s, r) => s.Tweets().GetTweetAsync(r.GetValue(tweetId)), Printer.Tweet);

        yield return TweetsCli.Define("get-tweets", "Look up tweets by id, with a problem line for each one not found", false, [tweetIds],
            (s, r) => s.Tweets().GetTweetsAsync(new ArrayOfguid(r.GetValue(tweetIds)!)), Printer.Tweets);

        yield return TweetsCli.DefinePaged("list", "List tweets, newest first", false, [author],
            async (s, r, max, token) => Pages.Of(await s.Tweets().ListTweetsAsync(r.GetValue(author), max, token)), Printer.Tweet);

        yield return TweetsCli.DefinePaged("timeline", "A user's own tweets, newest first", false, [userId, sinceId, untilId],
            async (s, r, max, token) => Pages.Of(await s.Tweets().GetUserTimelineAsync(r.GetValue(userId), max, token, r.GetValue(sinceId), r.GetValue(untilId))), Printer.Tweet);

        yield return TweetsCli.DefinePaged("home", "Your home timeline: your tweets and those of the users you follow", true, [sinceId, untilId],
            async (s, r, max, token) => Pages.Of(await s.Tweets().GetHomeTimelineAsync(max, token, r.GetValue(sinceId), r.GetValue(untilId))), Printer.Tweet);

        yield return TweetsCli.DefinePaged("conversation", "A conversation's tweets, oldest first", false, [conversationId],
            async (s, r, max, token) => Pages.Of(await s.Tweets().GetConversationAsync(r.GetValue(conversationId), max, token)), Printer.Tweet);

        yield return TweetsCli.DefinePaged("search", "Search tweets, newest first", false, [query, sinceId, untilId],
            async (s, r, max, token) => Pages.Of(await s.Tweets().SearchTweetsAsync(r.GetValue(query), max, token, r.GetValue(sinceId), r.GetValue(untilId))), Printer.Tweet);

        yield return TweetsCli.Define("edit", "Replace the text of your own tweet", true, [tweetId, text],
            (s, r) => s.Tweets().UpdateTweetAsync(r.GetValue(tweetId), r.GetValue(text)), Printer.Tweet);

        yield return TweetsCli.Define("delete", "Delete your own tweet", true, [tweetId],
            (s, r) => s.Tweets().DeleteTweetAsync(r.GetValue(tweetId)), r => $"deleted tweet {r.GetValue(tweetId)}");
    }
}
