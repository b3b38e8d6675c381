using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Identity;

/// <summary>Failed logins per account: after three, even the right password waits, and the fault says how long.</summary>
[TestClass]
[ServiceSettings("--Credentials:FailedLoginsPerAccount=3", "--Credentials:FailedLoginsPerAddress=1000", "--Credentials:FailedLoginWindow=00:10:00")]
public sealed class AccountThrottleTests : ServiceTests<AccountThrottleTests>
{
    [TestMethod]
    public async Task FailedLoginsOverTheAccountLimit_ThrottleThatAccountOnly()
    {
        var target = await Soap.SignUpAsync();
        var bystander = await Soap.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(SoapVersion.Soap11, target.User.Username, $"guess {i}").LoginAsync());
        }

        var throttled = await FaultAssert.ThrowsAsync(ErrorCode.Throttled, () => Soap.Users(SoapVersion.Soap11, target).LoginAsync());

        Assert.IsTrue(throttled.RetryAfterSeconds is > 0 and <= 600, $"retry after {throttled.RetryAfterSeconds}");
        StringAssert.Contains(throttled.Message, $"retry after {throttled.RetryAfterSeconds} seconds");
        Assert.AreEqual(bystander.User.Id, (await Soap.Users(SoapVersion.Soap11, bystander).LoginAsync()).Id);
        Assert.IsTrue(Service.Log.Entries.Any(e => e.Message.StartsWith("Login throttled for " + target.User.Username, StringComparison.Ordinal)));
    }
}

/// <summary>Failed logins per client address: guessing many usernames from one address throttles that address.</summary>
[TestClass]
[ServiceSettings("--Credentials:FailedLoginsPerAccount=1000", "--Credentials:FailedLoginsPerAddress=4", "--Credentials:FailedLoginWindow=00:10:00")]
public sealed class AddressThrottleTests : ServiceTests<AddressThrottleTests>
{
    [TestMethod]
    public async Task FailedLoginsOverTheAddressLimit_ThrottleEveryAccountFromThere()
    {
        var account = await Soap.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Soap.Users(SoapVersion.Soap12, SoapClients.UniqueUsername(), "guess").LoginAsync());
        }

        var throttled = await FaultAssert.ThrowsAsync(ErrorCode.Throttled, () => Soap.Users(SoapVersion.Soap12, account).LoginAsync());

        Assert.IsTrue(throttled.RetryAfterSeconds > 0);
        Assert.IsNotNull(throttled.CorrelationId);
    }
}
