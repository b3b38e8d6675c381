using Spectre.Console;

namespace TweetsSoap.Client.Compare;

/// <summary>
/// <c>compare</c>: runs each operation through SOAP 1.1, SOAP 1.2 and JSON against a running service and prints,
/// per operation, the bytes on the wire, the latency and the throughput, then the two contracts' sizes
/// (<see cref="ContractSizes"/>); <c>--out</c> also writes a Markdown table and charts. The command line reaches it
/// as <c>compare</c> (<see cref="Cli.TweetsCli"/>).
/// </summary>
public static class CompareCommand
{
    public static async Task<int> RunAsync(CompareOptions options)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseCookies = false })
        {
            BaseAddress = options.Url,
        };
        try
        {
            var operations = await Operations.PrepareAsync(http);
            var figures = new List<Figures>();
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    foreach (var operation in operations)
                    {
                        var task = progress.AddTask(operation.Name, maxValue: options.Requests * Enum.GetValues<Face>().Length);
                        figures.AddRange(await Measurement.RunAsync(http, operation, options, () => task.Increment(1)));
                    }
                });

            Report.Print(figures, options);
            ContractSizes.Print(await ContractSizes.MeasureAsync(file => http.GetStringAsync(ContractSizes.ServedPath(file))));
            if (options.Out is { } folder)
            {
                foreach (var written in Report.Write(figures, options, folder))
                {
                    AnsiConsole.MarkupLineInterpolated($"wrote [bold]{written}[/]");
                }
            }

            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The comparison against {options.Url} failed: {e.Message}[/]");
            return 1;
        }
    }
}
