using TweetsSoap.Service;
using TweetsSoap.Service.Seeding;

return args switch
{
    ["seed", .. var rest] => await SeedCommand.RunAsync(rest),
    ["benchmark", .. var rest] => await BenchmarkCommand.RunAsync(rest),
    _ => await RunServiceAsync(args),
};

static async Task<int> RunServiceAsync(string[] args)
{
    await TweetsSoapHost.Build(args).RunAsync();
    return 0;
}
