using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

[TestClass]
public sealed class UserServiceTests : ServiceTests<UserServiceTests>
{
    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUp_WithValidData_ReturnsOwnProfileWithTimeOrderedId(SoapVersion version)
    {
        var username = SoapClients.UniqueUsername();
        var before = DateTime.UtcNow.AddSeconds(-5);

        var user = await Soap.Users(version).SignUpAsync(username, $"{username}@Example.org", "correct horse", " Ada ", "Lovelace", new DateTime(1815, 12, 10), null);

        Assert.AreEqual(7, user.Id.Version, "ids are UUID version 7");
        Assert.AreEqual(username, user.Username);
        Assert.AreEqual($"{username}@Example.org", user.Email);
        Assert.AreEqual("Ada", user.FirstName);
        Assert.AreEqual(new DateTime(1815, 12, 10), user.BirthDate!.Value.Date);
        Assert.IsTrue(user.CreatedAt >= before && user.CreatedAt <= DateTime.UtcNow.AddSeconds(5), $"CreatedAt {user.CreatedAt:O}");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUp_WithUsernameTakenInOtherCase_ReturnsConflictOnUsername(SoapVersion version)
    {
        var taken = await Soap.SignUpAsync(version);

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Conflict, () =>
            Soap.Users(version).SignUpAsync(taken.User.Username.ToUpperInvariant(), "other@example.org", "correct horse", "B", "C", null, null));

        CollectionAssert.AreEqual(new[] { "username" }, fault.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUp_WithEmailTakenInOtherCase_ReturnsConflictOnEmail(SoapVersion version)
    {
        var taken = await Soap.SignUpAsync(version);

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Conflict, () =>
            Soap.Users(version).SignUpAsync(SoapClients.UniqueUsername(), taken.User.Email!.ToUpperInvariant(), "correct horse", "B", "C", null, null));

        CollectionAssert.AreEqual(new[] { "email" }, fault.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUp_WithEveryFieldInvalid_NamesEveryFieldInOneFault(SoapVersion version)
    {
        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Users(version).SignUpAsync("no spaces allowed", "not-an-email", "short", "", new string('x', 51), DateTime.UtcNow.AddDays(2), null));

        CollectionAssert.AreEquivalent(new[] { "username", "email", "password", "firstName", "lastName", "birthDate" }, fault.Fields);
        StringAssert.Contains(fault.Message, "username must be 1 to 15 letters, digits or underscores");
    }

    [TestMethod]
    [DataRow("a")]
    [DataRow("Fifteen_chars15")]
    [DataRow("under_score_9")]
    public async Task SignUp_WithHandleWithinTwitterRules_IsAccepted(string stem)
    {
        var username = stem.Length == 15 ? stem[..11] + Guid.NewGuid().ToString("N")[..4] : stem + Guid.NewGuid().ToString("N")[..2];

        var user = await Soap.Users(SoapVersion.Soap11).SignUpAsync(username, $"{Guid.NewGuid():N}@example.org", "correct horse", "A", "B", null, null);

        Assert.AreEqual(username, user.Username);
    }

    [TestMethod]
    [DataRow("sixteen_chars_16")]
    [DataRow("dash-not-ok")]
    [DataRow("ümlaut")]
    public async Task SignUp_WithHandleOutsideTwitterRules_ReturnsValidationFault(string username)
    {
        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Users(SoapVersion.Soap11).SignUpAsync(username, $"{Guid.NewGuid():N}@example.org", "correct horse", "A", "B", null, null));

        CollectionAssert.AreEqual(new[] { "username" }, fault.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Login_WithRightPassword_ReturnsOwnProfile(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        var user = await Soap.Users(version, account.User.Username.ToUpperInvariant(), account.Password).LoginAsync();

        Assert.AreEqual(account.User.Id, user.Id);
        Assert.AreEqual(account.User.Email, user.Email);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Login_WithWrongPasswordOrUnknownUser_ReturnsTheSameFault(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        var wrongPassword = await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () =>
            Soap.Users(version, account.User.Username, "wrong password").LoginAsync());
        var unknownUser = await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () =>
            Soap.Users(version, SoapClients.UniqueUsername(), account.Password).LoginAsync());

        Assert.AreEqual(wrongPassword.Message, unknownUser.Message);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task Login_WithoutToken_ReturnsUnauthenticated(SoapVersion version)
    {
        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(version).LoginAsync());

        StringAssert.Contains(fault.Message, "UsernameToken");
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task GetUser_OfSomeoneElse_HidesEmailAndBirthDate(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        var user = await Soap.Users(version).GetUserAsync(account.User.Id);

        Assert.AreEqual(account.User.Username, user.Username);
        Assert.AreEqual(account.User.CreatedAt, user.CreatedAt);
        Assert.IsNull(user.Email);
        Assert.IsNull(user.BirthDate);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task GetUser_Unknown_ReturnsNotFound(SoapVersion version)
    {
        var id = Guid.CreateVersion7();

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Users(version).GetUserAsync(id));

        StringAssert.Contains(fault.Message, id.ToString());
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task ListUsers_PagedByThree_VisitsEveryUserOnceNewestFirst(SoapVersion version)
    {
        for (var i = 0; i < 7; i++)
        {
            await Soap.SignUpAsync(version);
        }

        var seen = new List<User>();
        string? token = null;
        do
        {
            var page = await Soap.Users(version).ListUsersAsync(3, token);
            Assert.IsTrue(page.Users.Count <= 3);
            seen.AddRange(page.Users);
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.IsGreaterThanOrEqualTo(7, seen.Count);
        Assert.AreEqual(seen.Count, seen.Select(u => u.Id).Distinct().Count(), "no user twice");
        CollectionAssert.AreEqual(seen.Select(u => u.Id).OrderDescending().ToList(), seen.Select(u => u.Id).ToList(), "newest first");
        Assert.IsTrue(seen.All(u => u.Email is null), "listings never show emails");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(101)]
    [DataRow(-1)]
    public async Task ListUsers_WithMaxResultsOutOfRange_ReturnsValidationFault(int maxResults)
    {
        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Users(SoapVersion.Soap11).ListUsersAsync(maxResults, null));

        CollectionAssert.AreEqual(new[] { "maxResults" }, fault.Fields);
    }

    [TestMethod]
    public async Task ListUsers_WithTokenOfTweetListing_ReturnsValidationFault()
    {
        var account = await Soap.SignUpAsync();
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("one", null, null, null);
        await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("two", null, null, null);
        var tweetToken = (await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(null, 1, null)).NextPageToken;

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () => Soap.Users(SoapVersion.Soap11).ListUsersAsync(null, tweetToken));

        CollectionAssert.AreEqual(new[] { "pageToken" }, fault.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateUser_OwnAccount_ChangesOnlyTheFieldsGiven(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);
        var newName = SoapClients.UniqueUsername();

        var updated = await Soap.Users(version, account).UpdateUserAsync(account.User.Id, newName, null, null, "Augusta", null, null);

        Assert.AreEqual(newName, updated.Username);
        Assert.AreEqual("Augusta", updated.FirstName);
        Assert.AreEqual(account.User.LastName, updated.LastName);
        Assert.AreEqual(account.User.Email, updated.Email);
        Assert.AreEqual(account.User.BirthDate, updated.BirthDate);
        Assert.AreEqual(newName, (await Soap.Users(version).GetUserAsync(account.User.Id)).Username);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateUser_NewPassword_ReplacesTheOldOne(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);

        await Soap.Users(version, account).UpdateUserAsync(account.User.Id, null, null, "a new passphrase", null, null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(version, account).LoginAsync());
        Assert.AreEqual(account.User.Id, (await Soap.Users(version, account.User.Username, "a new passphrase").LoginAsync()).Id);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateUser_SomeoneElsesAccount_ReturnsForbiddenAndChangesNothing(SoapVersion version)
    {
        var owner = await Soap.SignUpAsync(version);
        var intruder = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.Forbidden, () =>
            Soap.Users(version, intruder).UpdateUserAsync(owner.User.Id, null, null, null, "Mallory", null, null));

        Assert.AreEqual(owner.User.FirstName, (await Soap.Users(version).GetUserAsync(owner.User.Id)).FirstName);
    }

    [TestMethod]
    public async Task UpdateUser_Anonymous_ReturnsUnauthenticated()
    {
        var owner = await Soap.SignUpAsync();

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () =>
            Soap.Users(SoapVersion.Soap11).UpdateUserAsync(owner.User.Id, null, null, null, "Mallory", null, null));
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task UpdateUser_ToTakenUsername_ReturnsConflictAndKeepsTheOldName(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);
        var other = await Soap.SignUpAsync(version);

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.Conflict, () =>
            Soap.Users(version, account).UpdateUserAsync(account.User.Id, other.User.Username.ToUpperInvariant(), null, null, null, null, null));

        CollectionAssert.AreEqual(new[] { "username" }, fault.Fields);
        Assert.AreEqual(account.User.Username, (await Soap.Users(version).GetUserAsync(account.User.Id)).Username);
    }

    [TestMethod]
    public async Task UpdateUser_WithInvalidEmail_ReturnsValidationFault()
    {
        var account = await Soap.SignUpAsync();

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.ValidationFailed, () =>
            Soap.Users(SoapVersion.Soap11, account).UpdateUserAsync(account.User.Id, null, "Ada <ada@example.org>", null, null, null, null));

        CollectionAssert.AreEqual(new[] { "email" }, fault.Fields);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task DeleteUser_OwnAccount_RemovesTheUserAndTheirTweets(SoapVersion version)
    {
        var account = await Soap.SignUpAsync(version);
        var tweet = await Soap.Tweets(version, account).PostTweetAsync("soon gone", null, null, null);

        await Soap.Users(version, account).DeleteUserAsync(account.User.Id);

        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Users(version).GetUserAsync(account.User.Id));
        await FaultAssert.ThrowsAsync(ErrorCode.NotFound, () => Soap.Tweets(version).GetTweetAsync(tweet.Id));
        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(version, account).LoginAsync());
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task DeleteUser_SomeoneElsesAccount_ReturnsForbiddenAndKeepsIt(SoapVersion version)
    {
        var owner = await Soap.SignUpAsync(version);
        var intruder = await Soap.SignUpAsync(version);

        await FaultAssert.ThrowsAsync(ErrorCode.Forbidden, () => Soap.Users(version, intruder).DeleteUserAsync(owner.User.Id));

        Assert.AreEqual(owner.User.Id, (await Soap.Users(version).GetUserAsync(owner.User.Id)).Id);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public void SignUp_Synchronously_ReturnsOwnProfileWithEmailAndBirthDate(SoapVersion version)
    {
        var username = SoapClients.UniqueUsername();

        var user = Soap.Users(version).SignUp(username, $"{username}@example.org", "correct horse", "Ada", "Lovelace", new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc), null)!;

        Assert.AreEqual(7, user.Id.Version);
        Assert.AreEqual(username, user.Username);
        Assert.AreEqual($"{username}@example.org", user.Email);
        Assert.AreEqual(new DateTime(1990, 12, 10), user.BirthDate?.Date);
        Assert.AreEqual("Lovelace", user.LastName);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task SignUp_WithoutBirthDate_SendsNilAndReturnsNoBirthDate(SoapVersion version)
    {
        var username = SoapClients.UniqueUsername();

        var user = await Soap.Users(version).SignUpAsync(username, $"{username}@example.org", "correct horse", "Ada", "Lovelace", null, null);

        Assert.IsNull(user!.BirthDate);
    }

    [TestMethod]
    [DataRow(SoapVersion.Soap11)]
    [DataRow(SoapVersion.Soap12)]
    public async Task GetUser_SentToTheTweetServiceAddress_ReturnsMalformedRequestNamingTheAction(SoapVersion version)
    {
        using var misdirected = new UserServiceClient(Service.TweetServiceAddress, version);

        var fault = await FaultAssert.ThrowsAsync(ErrorCode.MalformedRequest, () => misdirected.GetUserAsync(Guid.CreateVersion7()));

        StringAssert.Contains(fault.Message, "UserService/GetUser");
    }
}
