using TweetsSoap.Service;
using TweetsSoap.Service.Bench;
using TweetsSoap.Service.Export;
using TweetsSoap.Service.Seeding;

return args switch
{
    [ExportWsdlCommand.Name, .. var rest] => await ExportWsdlCommand.RunAsync(rest),
    ["seed", .. var rest] => await SeedCommand.RunAsync(rest),
    ["benchmark", .. var rest] => await BenchmarkCommand.RunAsync(rest),
    ["bench-auth", ..] => await AuthenticatedCallBenchmark.RunAsync(args),
    _ => await RunServiceAsync(args),
};

static async Task<int> RunServiceAsync(string[] args)
{
    await TweetsSoapHost.Build(args).RunAsync();
    return 0;
}
