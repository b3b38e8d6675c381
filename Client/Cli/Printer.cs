using System.Globalization;

namespace TweetsSoap.Client.Cli;

/// <summary>Readable text for the service's types, one field a line.</summary>
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

        output.WriteLine($"created:    {Time(user.CreatedAt)}");
    }

    public static void Tweet(TextWriter output, Tweet tweet)
    {
        var edited = tweet.UpdatedAt is { } updatedAt ? $", edited {Time(updatedAt)}" : "";
        output.WriteLine($"{tweet.Id}  @{tweet.Author?.Username} ({tweet.Author?.DisplayName})  {Time(tweet.CreatedAt)}{edited}");
        output.WriteLine($"  {tweet.Text}");
    }

    public static void Users(TextWriter output, UserPage page)
    {
        foreach (var user in page.Users ?? [])
        {
            output.WriteLine($"{user.Id}  @{user.Username} ({user.FirstName} {user.LastName})");
        }

        NextPage(output, page.Users?.Count ?? 0, page.NextPageToken);
    }

    public static void Tweets(TextWriter output, TweetPage page)
    {
        foreach (var tweet in page.Tweets ?? [])
        {
            Tweet(output, tweet);
        }

        NextPage(output, page.Tweets?.Count ?? 0, page.NextPageToken);
    }

    private static void NextPage(TextWriter output, int count, string? token)
    {
        output.WriteLine(count == 0 ? "(none)" : $"({count} shown)");
        if (token is not null)
        {
            output.WriteLine($"next page: --page-token {token}");
        }
    }

    private static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
