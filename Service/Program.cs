using TweetsSoap.Service;

await TweetsSoapHost.Build(args).RunAsync();
