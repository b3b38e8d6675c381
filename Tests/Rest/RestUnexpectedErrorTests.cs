using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Rest;

/// <summary>The JSON face's side of an error nobody planned for: a 500 problem that says nothing but its correlation id.</summary>
[TestClass]
public sealed class RestUnexpectedErrorTests : ServiceTests<RestUnexpectedErrorTests>
{
    [TestMethod]
    public async Task StoreFailure_BecomesAnInternalErrorProblemWhoseCorrelationIdIsInTheLog()
    {
        var account = await Soap.SignUpAsync();
        await using (var connection = new SqliteConnection($"Data Source={Service.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE IF EXISTS tweets";
            await command.ExecuteNonQueryAsync();
        }

        using var response = await new JsonApi(Service.Http).SendAsync(HttpMethod.Post, "api/tweets", new { text = "into the void" }, account);
        var problem = await JsonApi.ProblemOfAsync(response);

        Assert.AreEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.AreEqual(ErrorCode.InternalError, problem.Code);
        foreach (var leak in new[] { "tweets", "SQLite", "Exception", " at " })
        {
            Assert.DoesNotContain(leak, problem.Detail + problem.Title, $"the problem leaks '{leak}'");
        }

        StringAssert.Contains(problem.Detail, problem.CorrelationId);
        Assert.IsTrue(
            Service.Log.Entries.Any(e => e.Level == LogLevel.Error && e.Exception is SqliteException && e.Message.Contains(problem.CorrelationId!, StringComparison.Ordinal)),
            "the log holds the exception under the same correlation id");
    }
}
