using System.Reflection;
using System.ServiceModel;
using TweetsSoap.Client.Cli;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Client.Compare;

/// <summary><c>compare</c> against the real service: every operation of the contract, each over the three faces.</summary>
[TestClass]
public sealed class CompareCommandTests : ServiceTests<CompareCommandTests>
{
    [TestMethod]
    public async Task Compare_WithAFewRequests_ReportsEveryOperationOverEveryFace()
    {
        var folder = Directory.CreateTempSubdirectory("compare-").FullName;
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exitCode = await TweetsCli.RunAsync(["compare", "--url", Service.BaseAddress.AbsoluteUri, "--requests", "2", "--concurrency", "2", "--out", folder], output, error);

            Assert.AreEqual(0, exitCode, error.ToString());
            var rows = File.ReadAllLines(Path.Combine(folder, "compare.md"))
                .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Operation", StringComparison.Ordinal))
                .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
                .ToList();
            var reported = rows.GroupBy(cells => cells[1].Split(' ')[0]).ToDictionary(g => g.Key, g => g.Select(cells => cells[2]).Order().ToList());
            var declared = new[] { typeof(Contracts.IUserService), typeof(Contracts.ITweetService), typeof(Contracts.ISocialService) }
                .SelectMany(contract => contract.GetMethods())
                .Where(method => method.GetCustomAttribute<OperationContractAttribute>() is not null)
                .Select(method => method.Name.EndsWith("Async", StringComparison.Ordinal) ? method.Name[..^5] : method.Name);
            CollectionAssert.AreEquivalent(declared.ToList(), reported.Keys.ToList());
            foreach (var (operation, faces) in reported)
            {
                CollectionAssert.AreEqual(new[] { "JSON", "SOAP 1.1", "SOAP 1.2" }, faces, operation);
            }

            Assert.IsTrue(File.Exists(Path.Combine(folder, "throughput.png")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
