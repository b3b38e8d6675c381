using Microsoft.Data.Sqlite;
using TweetsSoap.Client;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Tests.Client;

/// <summary>The InternalError fault through the proxy; its own class because it breaks the service's database.</summary>
[TestClass]
public sealed class InternalErrorClientTests : ProxyTests<InternalErrorClientTests>
{
    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task PostTweet_WhenTheStoreFails_ThrowsInternalErrorFaultWithCorrelationId(SoapProtocol protocol)
    {
        var author = await SignUpAsync(protocol);
        await using (var connection = new SqliteConnection($"Data Source={Service.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE IF EXISTS tweets";
            await command.ExecuteNonQueryAsync();
        }

        using var tweets = Tweets(protocol, author.Username);
        var fault = await ThrowsFaultAsync(ErrorCode.InternalError, () => tweets.PostTweetAsync("into the void", null, null, null));

        Assert.IsFalse(string.IsNullOrEmpty(fault.CorrelationId));
        StringAssert.Contains(fault.Message, fault.CorrelationId);
    }
}
