using Microsoft.Data.Sqlite;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>The InternalError fault through the generated proxy; its own class because it breaks the service's database.</summary>
[TestClass]
public sealed class InternalErrorTests : ServiceTests<InternalErrorTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task PostTweet_WhenTheStoreFails_ReturnsInternalErrorWithCorrelationId(SoapVersion version)
    {
        var author = await Soap.SignUpAsync(version);
        await using (var connection = new SqliteConnection($"Data Source={Service.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE IF EXISTS tweets";
            await command.ExecuteNonQueryAsync();
        }

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.InternalError, () => Soap.Tweets(version, author).PostTweetAsync("into the void", null, null, null));

        Assert.IsFalse(string.IsNullOrEmpty(fault.CorrelationId));
        StringAssert.Contains(fault.Message, fault.CorrelationId);
    }
}
