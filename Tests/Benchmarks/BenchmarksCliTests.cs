using TweetsSoap.Benchmarks;
using TweetsSoap.Benchmarks.Auth;
using TweetsSoap.Benchmarks.Harness;
using TweetsSoap.Benchmarks.Pages;
using TweetsSoap.Benchmarks.Read;
using TweetsSoap.Benchmarks.Write;

namespace TweetsSoap.Tests.Benchmarks;

/// <summary>Each benchmark's options as its command line spells them, defaults included, and what it refuses.</summary>
[TestClass]
public sealed class BenchmarksCliTests
{
    [TestMethod]
    public void Read_WithEveryOption_ReadsThem()
    {
        var options = ReadCommand.OptionsOf(Parse("read --backend postgres --rounds 5 --duration 4s --connections 8 --posts --pg-extra \"Max Auto Prepare=0\" --pg-conf work_mem=4MB " +
            "--service-setting Storage:TweetCacheCapacity=0 --service-setting Metrics:Enabled=true"));

        Assert.AreEqual(new ReadOptions("postgres", 5, 4, 8, true, "Max Auto Prepare=0", "work_mem=4MB", options.Settings), options);
        CollectionAssert.AreEqual(new[] { "Storage:TweetCacheCapacity=0", "Metrics:Enabled=true" }, options.Settings);
    }

    [TestMethod]
    public void Read_WithNoOptions_FitsATwoCoreMachine()
    {
        var options = ReadCommand.OptionsOf(Parse("read"));

        Assert.AreEqual(new ReadOptions("sqlite", 3, 3, 16, false, "", "", options.Settings), options);
        Assert.IsEmpty(options.Settings);
    }

    [TestMethod]
    public void Write_WithLists_ReadsEveryValue()
    {
        var options = WriteCommand.OptionsOf(Parse("write --baseline none --rounds 1 --duration 2 --clients 1 8 --faces json --workloads mix --no-postgres " +
            "--variant \"inline=--Storage:SqliteInlineWrites=true --Storage:SqliteBackgroundCheckpoints=true\""));

        Assert.AreEqual("none", options.Baseline);
        Assert.AreEqual((1, 2, false), (options.Rounds, options.Seconds, options.Postgres));
        CollectionAssert.AreEqual(new[] { 1, 8 }, options.Clients);
        CollectionAssert.AreEqual(new[] { "json" }, options.Faces);
        CollectionAssert.AreEqual(new[] { "mix" }, options.Workloads);
        CollectionAssert.AreEqual(new[] { "inline=--Storage:SqliteInlineWrites=true --Storage:SqliteBackgroundCheckpoints=true" }, options.Variants);
    }

    [TestMethod]
    public void Write_WithNoOptions_ComparesWithMainOnBothBackends()
    {
        var options = WriteCommand.OptionsOf(Parse("write"));

        Assert.AreEqual(("main", 3, 3, true), (options.Baseline, options.Rounds, options.Seconds, options.Postgres));
        CollectionAssert.AreEqual(new[] { 1, 4, 16, 32 }, options.Clients);
        CollectionAssert.AreEqual(new[] { "soap", "json" }, options.Faces);
        CollectionAssert.AreEqual(new[] { "post", "mix" }, options.Workloads);
    }

    [TestMethod]
    public void Auth_WithCallsAndBackend_ReadsThem()
    {
        Assert.AreEqual(new AuthOptions(50, "postgres"), AuthCommand.OptionsOf(Parse("auth --calls 50 --backend postgres")));
        Assert.AreEqual(new AuthOptions(100, "sqlite"), AuthCommand.OptionsOf(Parse("auth")));
    }

    [TestMethod]
    public void Pages_WithTwoDatabases_KeepsTheirOrder()
    {
        var options = PagesCommand.OptionsOf(Parse("pages --db small.db --db big.db --runs 20 --rounds 5"));

        CollectionAssert.AreEqual(new[] { "small.db", "big.db" }, options.Databases);
        Assert.AreEqual((20, 5), (options.Runs, options.Rounds));
    }

    [TestMethod]
    public void Pages_WithPostgresSeedsAlone_ReadsThemInOrder()
    {
        var options = PagesCommand.OptionsOf(Parse("pages --pg-seed 10000:10000 --pg-seed 10000:1000000"));

        CollectionAssert.AreEqual(new[] { "10000:10000", "10000:1000000" }, options.PostgresSeeds);
        Assert.IsEmpty(options.Databases);
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("alloc")]
    public void MicroBenchmarks_WithIterationOptions_ReadThem(string command)
    {
        Assert.AreEqual(new MicroOptions(3, 1, 100), MicroBenchmark.OptionsOf(Parse($"{command} --iterations 3 --warmups 1 --iteration-time 100")));
        Assert.AreEqual(new MicroOptions(10, 5, 250), MicroBenchmark.OptionsOf(Parse(command)));
    }

    [TestMethod]
    [DataRow("read --duration soon")]
    [DataRow("read --rounds 0")]
    [DataRow("read --backend oracle")]
    [DataRow("write --faces xml")]
    [DataRow("write --variant inline")]
    [DataRow("write --clients -4")]
    [DataRow("pages")]
    [DataRow("pages --pg-seed 10000")]
    [DataRow("pages --pg-seed 0:100")]
    [DataRow("auth --calls 0")]
    [DataRow("text --iterations 0")]
    [DataRow("nosuchbenchmark")]
    public async Task Run_WithBadOptions_ExitsWithTwoAndSaysWhy(string arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BenchmarksCli.RunAsync(arguments.Split(' '), output, error);

        Assert.AreEqual(2, exit);
        Assert.AreNotEqual("", error.ToString().Trim());
        Assert.AreEqual("", output.ToString(), "nothing ran");
    }

    private static System.CommandLine.ParseResult Parse(string arguments)
    {
        var result = BenchmarksCli.Root(TextWriter.Null).Parse(arguments);
        Assert.IsEmpty(result.Errors, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result;
    }
}
