using Microsoft.AspNetCore.Identity;
using Spectre.Console;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Postgres;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Seeding;

/// <summary>
/// <c>seed --users N --tweets M</c>: fills the configured database, SQLite or PostgreSQL, with users who follow each
/// other, tweets (some replies, some with hashtags, mentions and links), likes and retweets, spread over the past year.
/// <see cref="SeedGenerator"/> makes the same rows for both from one seeded random sequence; SQLite takes them through
/// prepared statements in large transactions (<see cref="SqliteSeedSink"/>), PostgreSQL through binary COPY
/// (<see cref="PostgresSeedSink"/>). Every seeded user's password is <see cref="Password"/>.
/// </summary>
public static class SeedCommand
{
    public const string Password = "seeded password";
    private const int RandomSeed = 20261127;
    private const int Batch = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var users = IntOption(args, "--users", 10_000);
        var tweets = IntOption(args, "--tweets", 100_000);
        var builder = WebApplication.CreateBuilder(HostArgs(args, "--users", "--tweets"));
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        app.Services.GetRequiredService<IStoreSchema>().Migrate();
        var hash = new PasswordHasher<UserRecord>().HashPassword(null!, Password);
        await using ISeedSink sink = app.Services.GetService<PostgresDatabase>() is { } postgres
            ? await PostgresSeedSink.OpenAsync(postgres, hash)
            : await SqliteSeedSink.OpenAsync(app.Services.GetRequiredService<SqliteConnectionFactory>(), hash);
        AnsiConsole.MarkupLine($"Seeding [bold]{users:N0}[/] users and [bold]{tweets:N0}[/] tweets into {Markup.Escape(sink.Target)}");

        var generator = new SeedGenerator(new Random(RandomSeed), sink.ExistingUsers);
        var started = DateTime.UtcNow;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("users", maxValue: users);
                foreach (var batch in generator.Users(users).Chunk(Batch))
                {
                    await sink.WriteUsersAsync(batch);
                    task.Increment(batch.Length);
                }

                task = progress.AddTask("follows", maxValue: users);
                foreach (var batch in generator.Follows().Chunk(Batch / 30))
                {
                    await sink.WriteFollowsAsync([.. batch.SelectMany(follows => follows)]);
                    task.Increment(batch.Length);
                }

                task = progress.AddTask("tweets, likes, retweets", maxValue: tweets);
                foreach (var batch in generator.Tweets(tweets).Chunk(Batch))
                {
                    await sink.WriteTweetsAsync(batch);
                    task.Increment(batch.Length);
                }

                task = progress.AddTask("finish", maxValue: 1);
                await sink.FinishAsync();
                task.Increment(1);
            });
        AnsiConsole.MarkupLine($"Done in {(DateTime.UtcNow - started).TotalSeconds:N0} s. Log in as [bold]user{sink.ExistingUsers}[/]…[bold]user{sink.ExistingUsers + users - 1}[/] with the password '{Password}'.");
        return 0;
    }

    /// <summary>The arguments without our own options and their values, for the host's configuration (e.g. --Storage:SqlitePath=...).</summary>
    internal static string[] HostArgs(string[] args, params string[] own)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (own.Contains(args[i]))
            {
                i++;
            }
            else if (!own.Any(o => args[i].StartsWith(o + "=", StringComparison.Ordinal)))
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == name && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0)
            {
                return value;
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal) && int.TryParse(args[i][(name.Length + 1)..], out value) && value > 0)
            {
                return value;
            }
        }

        return fallback;
    }
}
