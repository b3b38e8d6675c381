using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using TweetsSoap.Service.Storage;
using TweetsSoap.Service.Storage.Sqlite;

namespace TweetsSoap.Service.Seeding;

/// <summary>
/// <c>seed --users N --tweets M</c>: fills the configured SQLite database with users who follow each other, tweets
/// (some replies, some with hashtags, mentions and links), likes and retweets, spread over the past year. Rows go in
/// through prepared statements in large transactions; every seeded user's password is <see cref="Password"/>.
/// </summary>
public static class SeedCommand
{
    public const string Password = "seeded password";
    private const int Batch = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var users = IntOption(args, "--users", 10_000);
        var tweets = IntOption(args, "--tweets", 100_000);
        var builder = WebApplication.CreateBuilder(HostArgs(args, "--users", "--tweets"));
        builder.Services.AddTweetsSoap(builder.Configuration, builder.Environment);
        await using var app = builder.Build();
        var connections = SqliteOnly(app, "seed");
        connections.Migrate();
        AnsiConsole.MarkupLine($"Seeding [bold]{users:N0}[/] users and [bold]{tweets:N0}[/] tweets into {Markup.Escape(connections.DatabasePath)}");

        var hash = new PasswordHasher<UserRecord>().HashPassword(null!, Password);
        await using var connection = await connections.OpenAsync(default);
        await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");
        var writer = new SeedWriter(connection, new Random(20261127), hash);
        var started = DateTime.UtcNow;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                await writer.UsersAsync(users, Batch, progress.AddTask("users", maxValue: users));
                await writer.FollowsAsync(Batch, progress.AddTask("follows", maxValue: users));
                await writer.TweetsAsync(tweets, Batch, progress.AddTask("tweets, likes, retweets", maxValue: tweets));
            });
        await ExecuteAsync(connection, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
        AnsiConsole.MarkupLine($"Done in {(DateTime.UtcNow - started).TotalSeconds:N0} s. Log in as [bold]user0[/]…[bold]user{users - 1}[/] with the password '{Password}'.");
        return 0;
    }

    /// <summary>Seeding writes SQLite rows in bulk; it has no PostgreSQL version.</summary>
    internal static SqliteConnectionFactory SqliteOnly(WebApplication app, string command) =>
        app.Services.GetService<SqliteConnectionFactory>()
        ?? throw new InvalidOperationException($"The {command} command works on SQLite only; run it without Storage:Provider=Postgres.");

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

    internal static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
