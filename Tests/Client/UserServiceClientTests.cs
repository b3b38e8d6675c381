using TweetsSoap.Client;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Tests.Client;

/// <summary>Every UserService operation and its declared fault, through the generated proxy, over SOAP 1.1 and 1.2.</summary>
[TestClass]
public sealed class UserServiceClientTests : ProxyTests<UserServiceClientTests>
{
    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public void SignUp_Synchronously_ReturnsOwnProfileWithEmailAndBirthDate(SoapProtocol protocol)
    {
        var username = UniqueUsername();
        using var users = Users(protocol);

        var user = users.SignUp(username, $"{username}@example.org", Password, "Ada", "Lovelace", new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc), null)!;

        Assert.AreEqual(7, user.Id.Version);
        Assert.AreEqual(username, user.Username);
        Assert.AreEqual($"{username}@example.org", user.Email);
        Assert.AreEqual(new DateTime(1990, 12, 10), user.BirthDate?.Date);
        Assert.AreEqual("Lovelace", user.LastName);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task SignUp_WithoutBirthDate_SendsNilAndReturnsNoBirthDate(SoapProtocol protocol)
    {
        var username = UniqueUsername();
        using var users = Users(protocol);

        var user = (await users.SignUpAsync(username, $"{username}@example.org", Password, "Ada", "Lovelace", null, null))!;

        Assert.IsNull(user.BirthDate);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task SignUp_WithTakenUsername_ThrowsConflictFaultNamingTheField(SoapProtocol protocol)
    {
        var taken = await SignUpAsync(protocol);
        using var users = Users(protocol);

        var fault = await ThrowsFaultAsync(ErrorCode.Conflict,
            () => users.SignUpAsync(taken.Username!.ToUpperInvariant(), "other@example.org", Password, "Bob", "B", null, null));

        CollectionAssert.Contains(fault.Fields, "username");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task SignUp_WithInvalidFields_ThrowsValidationFaultListingThem(SoapProtocol protocol)
    {
        using var users = Users(protocol);

        var fault = await ThrowsFaultAsync(ErrorCode.ValidationFailed,
            () => users.SignUpAsync("not a handle!", "not an email", "short", "Ada", "Lovelace", null, null));

        CollectionAssert.IsSubsetOf(new[] { "username", "email", "password" }, fault.Fields);
        Assert.IsNotNull(fault.CorrelationId);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task Login_WithUsernameToken_ReturnsOwnProfile(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using var users = Users(protocol, account.Username);

        var user = (await users.LoginAsync())!;

        Assert.AreEqual(account.Id, user.Id);
        Assert.AreEqual(account.Email, user.Email);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task Login_WithWrongPassword_ThrowsUnauthenticatedFault(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using var users = Users(protocol, account.Username, "not the password");

        await ThrowsFaultAsync(ErrorCode.Unauthenticated, () => users.LoginAsync());
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task GetUser_Anonymously_ReturnsPublicProfileWithoutEmail(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using var users = Users(protocol);

        var user = (await users.GetUserAsync(account.Id))!;

        Assert.AreEqual(account.Username, user.Username);
        Assert.IsNull(user.Email);
        Assert.IsNull(user.BirthDate);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task GetUser_Unknown_ThrowsNotFoundFault(SoapProtocol protocol)
    {
        using var users = Users(protocol);

        await ThrowsFaultAsync(ErrorCode.NotFound, () => users.GetUserAsync(Guid.CreateVersion7()));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task ListUsers_OnePerPage_FollowsNextPageTokenToTheNextUser(SoapProtocol protocol)
    {
        await SignUpAsync(protocol);
        await SignUpAsync(protocol);
        using var users = Users(protocol);

        var first = (await users.ListUsersAsync(1, null))!;
        var second = (await users.ListUsersAsync(1, first.NextPageToken))!;

        Assert.HasCount(1, first.Users!);
        Assert.IsNotNull(first.NextPageToken);
        Assert.HasCount(1, second.Users!);
        Assert.IsLessThan(first.Users![0].Id, second.Users![0].Id, "newest first");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11, 0)]
    [DataRow(SoapProtocol.Soap12, 101)]
    public async Task ListUsers_WithMaxResultsOutOfRange_ThrowsValidationFault(SoapProtocol protocol, int maxResults)
    {
        using var users = Users(protocol);

        var fault = await ThrowsFaultAsync(ErrorCode.ValidationFailed, () => users.ListUsersAsync(maxResults, null));

        CollectionAssert.Contains(fault.Fields, "maxResults");
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task UpdateUser_OwnAccount_ChangesOnlyTheGivenFields(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using var users = Users(protocol, account.Username);

        var updated = (await users.UpdateUserAsync(account.Id, null, null, null, "Augusta", null, null))!;

        Assert.AreEqual("Augusta", updated.FirstName);
        Assert.AreEqual("Lovelace", updated.LastName);
        Assert.AreEqual(account.Username, updated.Username);
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task UpdateUser_AnotherAccount_ThrowsForbiddenFault(SoapProtocol protocol)
    {
        var caller = await SignUpAsync(protocol);
        var other = await SignUpAsync(protocol);
        using var users = Users(protocol, caller.Username);

        await ThrowsFaultAsync(ErrorCode.Forbidden, () => users.UpdateUserAsync(other.Id, null, null, null, "Mallory", null, null));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task DeleteUser_OwnAccount_RemovesIt(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using (var owner = Users(protocol, account.Username))
        {
            await owner.DeleteUserAsync(account.Id);
        }

        using var users = Users(protocol);
        await ThrowsFaultAsync(ErrorCode.NotFound, () => users.GetUserAsync(account.Id));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task DeleteUser_Anonymously_ThrowsUnauthenticatedFault(SoapProtocol protocol)
    {
        var account = await SignUpAsync(protocol);
        using var users = Users(protocol);

        await ThrowsFaultAsync(ErrorCode.Unauthenticated, () => users.DeleteUserAsync(account.Id));
    }

    [TestMethod]
    [DataRow(SoapProtocol.Soap11)]
    [DataRow(SoapProtocol.Soap12)]
    public async Task GetUser_SentToTheTweetServiceAddress_ThrowsMalformedRequestFault(SoapProtocol protocol)
    {
        using var misdirected = new UserServiceClient(Service.TweetServiceAddress, protocol);

        var fault = await ThrowsFaultAsync(ErrorCode.MalformedRequest, () => misdirected.GetUserAsync(Guid.CreateVersion7()));

        StringAssert.Contains(fault.Message, "UserService/GetUser");
    }
}
