using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>An error nobody planned for: the tweets table vanishes under the running service.</summary>
[TestClass]
public sealed class UnexpectedErrorTests : ServiceTests<UnexpectedErrorTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task StoreFailure_BecomesAGenericServerFaultWhoseCorrelationIdIsInTheLog(SoapVersion version)
    {
        var account = await Soap.SignUpAsync();
        await using (var connection = new SqliteConnection($"Data Source={Service.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE IF EXISTS tweets";
            await command.ExecuteNonQueryAsync();
        }

        var response = await PostAsync(Service.Http, "TweetService.svc", version, Action("TweetService", "PostTweet"),
            Envelope(version, $"<PostTweet xmlns=\"{Ns}\"><text>into the void</text></PostTweet>", UsernameToken(account.User.Username, account.Password)));

        Assert.AreEqual(version == SoapVersion.Soap11 ? Soap11 + "Server" : Soap12 + "Receiver", response.FaultCode);
        Assert.AreEqual("InternalError", response.DetailCode);
        foreach (var leak in new[] { "tweets", "SQLite", "Exception", " at " })
        {
            Assert.DoesNotContain(leak, response.FaultReason, $"the fault leaks '{leak}'");
        }

        var correlationId = response.Xml.Descendants(Tns + "CorrelationId").Single().Value;
        StringAssert.Contains(response.FaultReason, correlationId);
        Assert.IsTrue(
            Service.Log.Entries.Any(e => e.Level == LogLevel.Error && e.Exception is SqliteException && e.Message.Contains(correlationId, StringComparison.Ordinal)),
            "the log holds the exception under the same correlation id");

        Assert.AreEqual(account.User.Id, (await Soap.Users(version).GetUserAsync(account.User.Id)).Id, "the service keeps serving");
    }
}
