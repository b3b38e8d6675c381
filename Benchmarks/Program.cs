using TweetsSoap.Benchmarks;

return await BenchmarksCli.RunAsync(args, Console.Out, Console.Error);
