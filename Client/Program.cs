using TweetsSoap.Client.Compare;

// A stand-in entry until the client's command-line front end lands; that front end routes "compare" here.
return args is ["compare", .. var rest]
    ? await CompareCommand.RunAsync(rest)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Client compare --url http://localhost:5000 [--concurrency 8] [--requests 300] [--out report]");
    return 2;
}
