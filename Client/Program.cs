using TweetsSoap.Client.Cli;

return await TweetsCli.RunAsync(args, Console.Out, Console.Error);
