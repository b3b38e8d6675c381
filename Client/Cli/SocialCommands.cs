using System.CommandLine;

namespace TweetsSoap.Client.Cli;

/// <summary>
/// The SocialService: follow, unfollow, followers, following, like, unlike, liking-users, liked-tweets, retweet,
/// undo-retweet, retweeters.
/// </summary>
public static class SocialCommands
{
    public static IEnumerable<Command> All()
    {
        var userId = new Argument<Guid>("user-id") { Description = "The user's id" };
        var tweetId = new Argument<Guid>("tweet-id") { Description = "The tweet's id" };

        yield return TweetsCli.Define("follow", "Follow a user; shows them with their counts", true, [userId],
            (s, r) => s.Social().FollowAsync(r.GetValue(userId)), Printer.User);

        yield return TweetsCli.Define("unfollow", "Stop following a user", true, [userId],
            (s, r) => s.Social().UnfollowAsync(r.GetValue(userId)), Printer.User);

        yield return TweetsCli.DefinePaged("followers", "Who follows a user, newest first", false, [userId],
            async (s, r, max, token) => Pages.Of(await s.Social().ListFollowersAsync(r.GetValue(userId), max, token)), Printer.UserLine);

        yield return TweetsCli.DefinePaged("following", "Whom a user follows, newest first", false, [userId],
            async (s, r, max, token) => Pages.Of(await s.Social().ListFollowingAsync(r.GetValue(userId), max, token)), Printer.UserLine);

        yield return TweetsCli.Define("like", "Like a tweet; shows it with its counts", true, [tweetId],
            (s, r) => s.Social().LikeAsync(r.GetValue(tweetId)), Printer.Tweet);

        yield return TweetsCli.Define("unlike", "Take back a like", true, [tweetId],
            (s, r) => s.Social().UnlikeAsync(r.GetValue(tweetId)), Printer.Tweet);

        yield return TweetsCli.DefinePaged("liking-users", "Who liked a tweet, newest first", false, [tweetId],
            async (s, r, max, token) => Pages.Of(await s.Social().ListLikingUsersAsync(r.GetValue(tweetId), max, token)), Printer.UserLine);

        yield return TweetsCli.DefinePaged("liked-tweets", "The tweets a user liked, newest like first", false, [userId],
            async (s, r, max, token) => Pages.Of(await s.Social().ListLikedTweetsAsync(r.GetValue(userId), max, token)), Printer.Tweet);

        yield return TweetsCli.Define("retweet", "Retweet a tweet; shows it with its counts", true, [tweetId],
            (s, r) => s.Social().RetweetAsync(r.GetValue(tweetId)), Printer.Tweet);

        yield return TweetsCli.Define("undo-retweet", "Take back a retweet", true, [tweetId],
            (s, r) => s.Social().UndoRetweetAsync(r.GetValue(tweetId)), Printer.Tweet);

        yield return TweetsCli.DefinePaged("retweeters", "Who retweeted a tweet, newest first", false, [tweetId],
            async (s, r, max, token) => Pages.Of(await s.Social().ListRetweetersAsync(r.GetValue(tweetId), max, token)), Printer.UserLine);
    }
}
