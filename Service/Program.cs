using TweetsSoap.Service;
using TweetsSoap.Service.Export;
using TweetsSoap.Service.Seeding;

return args switch
{
    [ExportWsdlCommand.Name, .. var rest] => await ExportWsdlCommand.RunAsync(rest),
    ["seed", .. var rest] => await SeedCommand.RunAsync(rest),
    _ => await RunServiceAsync(args),
};

static async Task<int> RunServiceAsync(string[] args)
{
    await TweetsSoapHost.Build(args).RunAsync();
    return 0;
}
