using System.Globalization;
using Microsoft.Data.Sqlite;
using TweetsSoap.Benchmarks.Pages;
using TweetsSoap.Benchmarks.Read;
using TweetsSoap.Service.Seeding;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Benchmarks;

/// <summary>Very short runs of the benchmarks, to show the harnesses work end to end; their figures are not checked.</summary>
[TestClass]
public sealed class BenchmarkRunTests
{
    private static readonly string[] ReadCases = ["ceiling", "peer-get", "soap-get", "json-get", "soap-list", "json-list", "soap-home", "json-home"];

    [TestMethod]
    [TestCategory(Categories.External)] // drives wrk (Debian package)
    public async Task Read_OneShortRoundOnSqlite_PrintsEveryCaseWithRequestsDone()
    {
        using var output = new StringWriter();

        var exit = await ReadCommand.RunAsync(new ReadOptions("sqlite", Rounds: 1, Seconds: 1, Connections: 4, Posts: false, "", "", []), output);

        Assert.AreEqual(0, exit, output.ToString());
        var rows = TableRows(output.ToString());
        CollectionAssert.AreEqual(ReadCases, rows.Keys.ToArray(), output.ToString());
        foreach (var (name, cells) in rows)
        {
            Assert.IsGreaterThan(0, double.Parse(cells[0], CultureInfo.InvariantCulture), $"{name} completed requests:\n{output}");
        }

        StringAssert.Contains(output.ToString(), "SOAP GetTweet / SoapCore peer");
        StringAssert.Matches(output.ToString(), new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC, commit \S+, \d+ cores, load average ", System.Text.RegularExpressions.RegexOptions.Multiline));
    }

    [TestMethod]
    // seed draws a Spectre.Console progress bar, which refuses to run beside another one in the process.
    [DoNotParallelize]
    public async Task Pages_TwoSeededDatabases_PrintsEveryCaseForBoth()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-pages-").FullName;
        try
        {
            var small = Path.Combine(directory, "small.db");
            var larger = Path.Combine(directory, "larger.db");
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "20", "--tweets", "600", $"--Storage:SqlitePath={small}"]));
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "20", "--tweets", "1200", $"--Storage:SqlitePath={larger}"]));
            using var output = new StringWriter();

            var exit = await PagesCommand.RunAsync(new PagesOptions([small, larger], Runs: 3, Rounds: 2), output);

            Assert.AreEqual(0, exit, output.ToString());
            var rows = TableRows(output.ToString());
            Assert.HasCount(6, rows, output.ToString());
            foreach (var (name, cells) in rows)
            {
                // db1 median, p90, rows; db2 median, p90, rows; ratio; ratio per round (two rounds)
                Assert.HasCount(8, cells, name);
                Assert.AreEqual(2, cells[7].Split(", ").Length, $"{name}: a ratio per round");
            }

            Assert.AreEqual("20.0", rows["user timeline, first page"][2], "full pages only");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    [TestCategory(Categories.External)] // a throwaway PostgreSQL cluster
    [DoNotParallelize]
    public async Task Pages_SqliteAndPostgresSeededAlike_PrintsEveryCaseForBoth()
    {
        var directory = Directory.CreateTempSubdirectory("tweetssoap-pages-").FullName;
        try
        {
            var sqlite = Path.Combine(directory, "small.db");
            var postgres = await (await PostgresCluster.SharedAsync()).CreateDatabaseAsync();
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "20", "--tweets", "600", $"--Storage:SqlitePath={sqlite}"]));
            Assert.AreEqual(0, await SeedCommand.RunAsync(["--users", "20", "--tweets", "600", "--Storage:Provider=Postgres", $"--Storage:ConnectionString={postgres}"]));
            using var output = new StringWriter();

            var exit = await PagesCommand.RunAsync(new PagesOptions([sqlite, postgres], Runs: 3, Rounds: 1), output);

            Assert.AreEqual(0, exit, output.ToString());
            var rows = TableRows(output.ToString());
            Assert.HasCount(6, rows, output.ToString());
            foreach (var (name, cells) in rows)
            {
                Assert.HasCount(8, cells, name);
                Assert.AreEqual(cells[2], cells[5], $"{name}: the same rows from both backends");
            }

            Assert.AreEqual("20.0", rows["user timeline, first page"][5], "full pages only");
            var database = new Npgsql.NpgsqlConnectionStringBuilder(postgres).Database;
            StringAssert.Contains(output.ToString(), $"db2: PostgreSQL {database} on 127.0.0.1:");
            StringAssert.Contains(output.ToString(), "(22 users, 600 tweets)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    [TestCategory(Categories.External)] // starts a throwaway PostgreSQL cluster of its own
    [DoNotParallelize]
    public async Task Pages_WithAPostgresSeed_SeedsAThrowawayClusterAndPrintsItsTable()
    {
        using var output = new StringWriter();

        var exit = await PagesCommand.RunAsync(new PagesOptions([], Runs: 2, Rounds: 1, PostgresSeeds: ["20:600"]), output);

        Assert.AreEqual(0, exit, output.ToString());
        var rows = TableRows(output.ToString());
        Assert.HasCount(6, rows, output.ToString());
        Assert.AreEqual("20.0", rows["user timeline, first page"][2], "full pages only");
        StringAssert.Matches(output.ToString(), new System.Text.RegularExpressions.Regex(@"^db1: PostgreSQL t\w+ on 127\.0\.0\.1:\d+ \(22 users, 600 tweets\)", System.Text.RegularExpressions.RegexOptions.Multiline));
    }

    /// <summary>The printed table's rows by their first cell, the other cells in order.</summary>
    private static Dictionary<string, string[]> TableRows(string output) =>
        output.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Skip(1)
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[0], c => c[1..]);
}
