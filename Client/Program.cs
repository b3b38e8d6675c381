using TweetsSoap.Client.Cli;
using TweetsSoap.Client.Compare;

// "compare" measures the faces against each other and has its own options; everything else is one operation.
return args is ["compare", .. var rest]
    ? await CompareCommand.RunAsync(rest)
    : await TweetsCli.RunAsync(args, Console.Out, Console.Error);
