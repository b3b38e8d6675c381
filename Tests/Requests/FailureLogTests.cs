using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Requests;

/// <summary>One place logs what a failure meant, on both faces, and a message is never logged twice.</summary>
[TestClass]
public sealed class FailureLogTests : ServiceTests<FailureLogTests>
{
    [TestMethod]
    [DataRow(Face.Soap11)]
    [DataRow(Face.Soap12)]
    [DataRow(Face.Json)]
    public async Task RefusedCredentials_AreLoggedOnce_InTheSecurityLog(Face face)
    {
        var attempt = await Logins.AttemptAsync(Service.Http, face, "not a username!", "whatever password");

        Assert.AreEqual("Unauthenticated", attempt.Code);
        var lines = Service.Log.Entries
            .Where(e => e.Message.Contains(attempt.CorrelationId!, StringComparison.Ordinal) && e.Message.Contains("not a valid username", StringComparison.Ordinal))
            .ToList();
        Assert.HasCount(1, lines, string.Join("\n", lines.Select(l => $"{l.Category}: {l.Message}")));
        StringAssert.EndsWith(lines[0].Category, ".SecurityLog");
    }
}
