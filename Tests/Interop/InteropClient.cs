using System.Text.Json;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Soap;

namespace TweetsSoap.Tests.Interop;

/// <summary>What an interop script reports: the ports it saw, the calls that succeeded and the faults it read.</summary>
public sealed record InteropReport(
    Dictionary<string, List<string>> Ports,
    List<InteropCall> Calls,
    List<InteropFault> Faults);

public sealed record InteropCall(string Service, string Operation, string Binding);

public sealed record InteropFault(string Service, string Operation, string Binding, string FaultCode, string Code, string Message, List<string> Fields);

/// <summary>Runs a third-party SOAP client script against the service and checks what it reports.</summary>
public static class InteropClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<InteropReport> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var (stdout, _) = await Tool.RunAsync(program, workingDirectory, arguments);
        return JsonSerializer.Deserialize<InteropReport>(stdout, Json)
            ?? throw new InvalidOperationException($"{program} printed no report.");
    }

    /// <summary>Every operation of every service succeeded, each service over both bindings, and the typed faults were read.</summary>
    public static void AssertCoversTheContract(InteropReport report)
    {
        foreach (var endpoint in SoapEndpoint.All)
        {
            CollectionAssert.AreEquivalent(new[] { $"{endpoint.Name}Soap11", $"{endpoint.Name}Soap12" }, report.Ports[endpoint.Name],
                $"both SOAP bindings of {endpoint.Name} are visible");
            var called = report.Calls.Where(c => c.Service == endpoint.Name).ToList();
            CollectionAssert.AreEquivalent(endpoint.ActionsByOperation.Keys.ToList(), called.Select(c => c.Operation).Distinct().ToList(),
                $"every operation of {endpoint.Name} was called");
            CollectionAssert.AreEquivalent(new[] { "Soap11", "Soap12" }, called.Select(c => c.Binding).Distinct().ToList(),
                $"{endpoint.Name} was called over both bindings");
        }

        var notFound = report.Faults.Single(f => f.Operation == "GetTweet");
        Assert.AreEqual(nameof(ErrorCode.NotFound), notFound.Code);
        Assert.EndsWith(":Client", notFound.FaultCode, "a SOAP 1.1 sender fault");
        StringAssert.StartsWith(notFound.Message, "There is no tweet with id ");

        var unauthenticated = report.Faults.Single(f => f.Operation == "Login");
        Assert.AreEqual(nameof(ErrorCode.Unauthenticated), unauthenticated.Code);
        Assert.EndsWith(":Sender", unauthenticated.FaultCode, "a SOAP 1.2 sender fault");
        StringAssert.Contains(unauthenticated.Message, "UsernameToken");

        var ownFollow = report.Faults.Single(f => f.Operation == "Follow");
        Assert.AreEqual(nameof(ErrorCode.ValidationFailed), ownFollow.Code);
        Assert.EndsWith(":Sender", ownFollow.FaultCode, "a SOAP 1.2 sender fault");
        CollectionAssert.AreEqual(new[] { "userId" }, ownFollow.Fields, "the fault's Fields, an array inside the detail, name the argument");
    }
}
