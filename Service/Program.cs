using TweetsSoap.Service;
using TweetsSoap.Service.Bench;

if (args is ["bench", ..])
{
    await AuthenticatedCallBenchmark.RunAsync(args);
    return;
}

await TweetsSoapHost.Build(args).RunAsync();
