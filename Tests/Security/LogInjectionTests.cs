using System.Diagnostics;
using System.Text.Json;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Security;

/// <summary>
/// Log injection, read from the console of a real service process as an operator's log shipper reads it: a username
/// with line feeds or a NUL, sent over SOAP (as &amp;#10;) and over JSON (raw), must neither start a line of its own
/// nor put a control character into the output, in the default format and in JSON lines.
/// </summary>
[TestClass]
public sealed class LogInjectionTests
{
    private const string Forged = "info: TweetsSoap.Service.Identity.SecurityLog[100] Login succeeded for admin";

    [TestMethod]
    [DataRow("simple")]
    [DataRow("json")]
    public async Task ForgedLinesInAUsername_StayInsideTheirOwnLogEntry(string format)
    {
        string[] settings = format == "simple" ? [] : ["--Logging:Console:FormatterName=json"];
        await using var service = await ServiceProcess.StartAsync([$"--Storage:SqlitePath={Path.Combine(Path.GetTempPath(), $"tweetssoap-log-{Guid.NewGuid():N}.db")}", .. settings]);

        var soap11 = await Logins.AttemptAsync(service.Http, Face.Soap11, $"soap11&#10;{Forged}&#13;{Forged}", "wrong password");
        var soap12 = await Logins.AttemptAsync(service.Http, Face.Soap12, $"soap12&#10;{Forged}", "wrong password");
        var json = await Logins.AttemptAsync(service.Http, Face.Json, $"json\n{Forged.Replace(":", "", StringComparison.Ordinal)}\0\u001b[2J", "wrong password");
        var lines = await LinesAsync(service, soap11.CorrelationId!, soap12.CorrelationId!, json.CorrelationId!);

        foreach (var line in lines.Where(l => l.Contains("Login succeeded for admin", StringComparison.Ordinal)))
        {
            Assert.IsTrue(line.Contains("soap11", StringComparison.Ordinal) || line.Contains("soap12", StringComparison.Ordinal) || line.Contains("json", StringComparison.Ordinal),
                $"a forged line of its own: {line}");
        }

        var control = lines.FirstOrDefault(l => l.Any(char.IsControl));
        Assert.IsNull(control, $"a control character reached the log: {control}");
        if (format == "json")
        {
            foreach (var line in lines.Where(l => l.StartsWith('{')))
            {
                using var _ = JsonDocument.Parse(line);
            }
        }
    }

    /// <summary>The console output once the request log has recorded every one of <paramref name="correlationIds"/>.</summary>
    private static async Task<string[]> LinesAsync(ServiceProcess service, params string[] correlationIds)
    {
        var deadline = Stopwatch.StartNew();
        while (!correlationIds.All(id => service.Output.Contains(id, StringComparison.Ordinal)))
        {
            Assert.IsTrue(deadline.Elapsed < TimeSpan.FromSeconds(30), $"the log never showed {string.Join(", ", correlationIds)}:\n{service.Output}");
            await Task.Delay(50);
        }

        return service.Output.Split('\n');
    }
}
