using System.Globalization;

namespace TweetsSoap.Client.Cli;

/// <summary>Readable text for the service's types.</summary>
public static class Printer
{
    public static void User(TextWriter output, User user)
    {
        output.WriteLine($"id:         {user.Id}");
        output.WriteLine($"username:   {user.Username}");
        output.WriteLine($"name:       {user.FirstName} {user.LastName}");
        if (user.Email is not null)
        {
            output.WriteLine($"email:      {user.Email}");
        }

        if (user.BirthDate is { } birthDate)
        {
            output.WriteLine($"birth date: {birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        }

        output.WriteLine($"followers:  {user.FollowersCount}, following {user.FollowingCount}");
        output.WriteLine($"created:    {Time(user.CreatedAt)}");
    }

    /// <summary>One line a user, for listings.</summary>
    public static void UserLine(TextWriter output, User user) =>
        output.WriteLine($"{user.Id}  @{user.Username} ({user.FirstName} {user.LastName})");

    public static void Tweet(TextWriter output, Tweet tweet)
    {
        var edited = tweet.UpdatedAt is { } updatedAt ? $", edited {Time(updatedAt)}" : "";
        var reply = tweet.InReplyToTweetId is { } replyTo ? $", reply to {replyTo}" : "";
        output.WriteLine($"{tweet.Id}  @{tweet.Author?.Username} ({tweet.Author?.DisplayName})  {Time(tweet.CreatedAt)}{edited}{reply}");
        output.WriteLine($"  {tweet.Text}");
        if (tweet.Metrics is { } m && (m.LikeCount | m.RetweetCount | m.ReplyCount | m.QuoteCount) != 0)
        {
            output.WriteLine($"  {m.LikeCount} likes, {m.RetweetCount} retweets, {m.ReplyCount} replies, {m.QuoteCount} quotes");
        }
    }

    public static void Users(TextWriter output, UserLookup lookup)
    {
        foreach (var user in lookup.Users ?? [])
        {
            UserLine(output, user);
        }

        Problems(output, lookup.Problems);
    }

    public static void Tweets(TextWriter output, TweetLookup lookup)
    {
        foreach (var tweet in lookup.Tweets ?? [])
        {
            Tweet(output, tweet);
        }

        Problems(output, lookup.Problems);
    }

    private static void Problems(TextWriter output, IEnumerable<LookupProblem>? problems)
    {
        foreach (var problem in problems ?? [])
        {
            output.WriteLine($"{problem.Value}: {problem.Code}: {problem.Message}");
        }
    }

    private static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
