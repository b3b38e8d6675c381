using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Tests.Storage;

/// <summary>
/// What every <see cref="ITweetStore"/> must do, run once per backend by the derived classes. Each test gets a new,
/// migrated database.
/// </summary>
public abstract partial class TweetStoreTests
{
    protected ITweetStore Store { get; private set; } = null!;

    protected IStoreSchema Schema { get; private set; } = null!;

    /// <summary>A store over a new, empty database (not yet migrated).</summary>
    protected abstract Task<(ITweetStore Store, IStoreSchema Schema)> CreateStoreAsync();

    protected abstract Task DeleteStoreAsync();

    [TestInitialize]
    public async Task CreateDatabaseAsync()
    {
        (Store, Schema) = await CreateStoreAsync();
        Schema.Migrate();
    }

    [TestCleanup]
    public Task DeleteDatabaseAsync() => DeleteStoreAsync();

    [TestMethod]
    public async Task Migrate_Twice_IsIdempotentAndReady()
    {
        Schema.Migrate();

        Assert.IsNull(await Schema.CheckReadyAsync(default));
    }

    [TestMethod]
    public async Task CheckReady_BeforeMigrating_SaysTheSchemaIsMissing()
    {
        var (_, fresh) = await CreateStoreAsync();

        StringAssert.Contains(await fresh.CheckReadyAsync(default), "schema");
    }

    [TestMethod]
    [DataRow("ADA", "other@example.org", "username")]
    [DataRow("grace", "ADA@EXAMPLE.ORG", "email")]
    public async Task CreateUser_WithDuplicateIgnoringCase_ThrowsDuplicateNamingTheField(string username, string email, string field)
    {
        await Store.CreateUserAsync(User("ada", "ada@example.org"), default);

        var error = await Assert.ThrowsExactlyAsync<DuplicateValueException>(() => Store.CreateUserAsync(User(username, email), default));

        Assert.AreEqual(field, error.Field);
    }

    [TestMethod]
    public async Task GetUser_ReturnsEveryFieldAsWritten()
    {
        var user = User("ada", "ada@example.org") with { BirthDate = new DateOnly(1815, 12, 10), SignUpRequestId = "req-1" };
        await Store.CreateUserAsync(user, default);

        Assert.AreEqual(user, await Store.GetUserAsync(user.Id, default));
    }

    [TestMethod]
    public async Task FindUserByUsername_IgnoresCase()
    {
        var user = User("Ada_L", "ada@example.org");
        await Store.CreateUserAsync(user, default);

        Assert.AreEqual(user, await Store.FindUserByUsernameAsync("ada_l", default));
    }

    [TestMethod]
    public async Task ListUsers_AfterAnId_ContinuesNewestFirst()
    {
        var users = new List<UserRecord>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(User($"user{i}", $"user{i}@example.org"));
            await Store.CreateUserAsync(users[^1], default);
        }

        var first = await Store.ListUsersAsync(null, 2, default);
        var rest = await Store.ListUsersAsync(first[^1].Id, 10, default);

        CollectionAssert.AreEqual(new[] { users[3].Id, users[2].Id }, first.Select(u => u.Id).ToList());
        CollectionAssert.AreEqual(new[] { users[1].Id, users[0].Id }, rest.Select(u => u.Id).ToList());
    }

    [TestMethod]
    public async Task UpdateUser_TakingAnotherUsersEmail_ThrowsDuplicate()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        await Store.CreateUserAsync(User("grace", "grace@example.org"), default);

        var error = await Assert.ThrowsExactlyAsync<DuplicateValueException>(() => Store.UpdateUserAsync(ada with { Email = "Grace@example.org" }, default));

        Assert.AreEqual("email", error.Field);
    }

    [TestMethod]
    public async Task DeleteUser_DeletesTheirTweetsToo()
    {
        var ada = User("ada", "ada@example.org");
        var grace = User("grace", "grace@example.org");
        await Store.CreateUserAsync(ada, default);
        await Store.CreateUserAsync(grace, default);
        var adas = await PostAsync(ada, "by ada");
        var graces = await PostAsync(grace, "by grace");

        Assert.IsTrue(await Store.DeleteUserAsync(ada.Id, default));

        Assert.IsNull(await Store.GetTweetAsync(adas, default));
        Assert.IsNotNull(await Store.GetTweetAsync(graces, default));
        Assert.IsFalse(await Store.DeleteUserAsync(ada.Id, default));
    }

    [TestMethod]
    public async Task ListTweets_AfterAnId_ContinuesNewestFirstWithTheOlderOnes()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await PostAsync(ada, $"t{i}"));
        }

        var rest = await Store.ListTweetsAsync(ada.Id, ids[3], 10, default);
        var all = await Store.ListTweetsAsync(null, null, 10, default);

        CollectionAssert.AreEqual(new[] { ids[2], ids[1], ids[0] }, rest.Select(t => t.Id).ToList());
        CollectionAssert.AreEqual(Enumerable.Reverse(ids).ToList(), all.Select(t => t.Id).ToList());
    }

    [TestMethod]
    public async Task UpdateTweetText_SetsTextAndTime_AndOfMissingTweetReturnsFalse()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        var id = await PostAsync(ada, "before");
        var updatedAt = new DateTime(2026, 11, 28, 8, 30, 0, 123, DateTimeKind.Utc);

        Assert.IsTrue(await Store.UpdateTweetTextAsync(id, "after", updatedAt, default));
        Assert.IsFalse(await Store.UpdateTweetTextAsync(Guid.CreateVersion7(), "x", DateTime.UtcNow, default));

        var tweet = (await Store.GetTweetAsync(id, default))!;
        Assert.AreEqual("after", tweet.Text);
        Assert.AreEqual(updatedAt, tweet.UpdatedAt);
        Assert.AreEqual(DateTimeKind.Utc, tweet.UpdatedAt!.Value.Kind);
    }

    [TestMethod]
    public async Task Tweet_TextWithSqlAndUnicode_IsStoredVerbatim()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);
        const string text = "'); DROP TABLE tweets; -- \u202e RTL e\u0301 👩‍👩‍👧‍👦";

        var id = await PostAsync(ada, text);

        Assert.AreEqual(text, (await Store.GetTweetAsync(id, default))!.Text);
    }

    [TestMethod]
    public async Task CreateTweet_WithAClientRequestIdTheAuthorUsed_ThrowsDuplicateAndKeepsTheFirst()
    {
        var ada = User("ada", "ada@example.org");
        var grace = User("grace", "grace@example.org");
        await Store.CreateUserAsync(ada, default);
        await Store.CreateUserAsync(grace, default);
        var first = await PostAsync(ada, "first", "req-1");

        var error = await Assert.ThrowsExactlyAsync<DuplicateValueException>(() => PostAsync(ada, "second", "req-1"));
        var graces = await PostAsync(grace, "same id, other author", "req-1");

        Assert.AreEqual("clientRequestId", error.Field);
        Assert.AreEqual(first, (await Store.FindTweetByClientRequestIdAsync(ada.Id, "req-1", default))!.Id);
        Assert.AreEqual(graces, (await Store.FindTweetByClientRequestIdAsync(grace.Id, "req-1", default))!.Id);
        Assert.IsNull(await Store.FindTweetByClientRequestIdAsync(ada.Id, "req-2", default));
    }

    [TestMethod]
    public async Task CreateTweet_WithoutClientRequestIds_AllowsAnyNumber()
    {
        var ada = User("ada", "ada@example.org");
        await Store.CreateUserAsync(ada, default);

        await PostAsync(ada, "one");
        await PostAsync(ada, "two");

        Assert.HasCount(2, await Store.ListTweetsAsync(ada.Id, null, 10, default));
    }

    protected async Task<Guid> PostAsync(UserRecord author, string text, string? clientRequestId = null)
    {
        var id = Clock.NewId();
        await Store.CreateTweetAsync(new NewTweet(id, author.Id, text, new DateTime(2026, 11, 28, 8, 0, 0, 7, DateTimeKind.Utc)) { ClientRequestId = clientRequestId }, default);
        return id;
    }

    protected static UserRecord User(string username, string email) =>
        new(Clock.NewId(), username, email, "hash", "First", "Last", null, new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc));
}
