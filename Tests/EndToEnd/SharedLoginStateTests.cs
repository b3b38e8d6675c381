using System.Diagnostics;
using Npgsql;
using TweetsSoap.Client;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.EndToEnd;

/// <summary>
/// Two service processes on one PostgreSQL database, as behind a load balancer: a nonce spent on one is spent on
/// both, failed logins count once across both, a password change or deletion through one is honoured by the
/// other on the next call, and the shared tables do not grow without end.
/// </summary>
[TestClass]
[TestCategory(Categories.External)]
public sealed class SharedLoginStateTests
{
    [TestMethod]
    public async Task Nonce_UsedOnOneInstance_IsRefusedOnTheOther()
    {
        var started = await StartTwoAsync();
        await using var a = started[0];
        await using var b = started[1];
        var account = await a.Soap.SignUpAsync();
        var token = RawSoap.UsernameToken(account.Username, account.Password, Convert.ToBase64String(Guid.NewGuid().ToByteArray()), DateTimeOffset.UtcNow);

        var onA = await LoginAsync(a, SoapVersion.Soap11, token);
        var replayOnB = await LoginAsync(b, SoapVersion.Soap12, token);

        Assert.IsNull(onA.DetailCode, onA.Body);
        Assert.AreEqual("Unauthenticated", replayOnB.DetailCode, replayOnB.Body);
        StringAssert.Contains(replayOnB.FaultReason, "nonce was already used");
    }

    [TestMethod]
    public async Task WrongPasswords_AlternatingOverTwoInstances_AreThrottledAsOnOne()
    {
        var started = await StartTwoAsync();
        await using var a = started[0];
        await using var b = started[1];
        var account = await a.Soap.SignUpAsync();
        ServiceProcess[] instances = [a, b];

        var answers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            using var caller = SourceAddress.Client(instances[i % 2].BaseAddress, "127.0.5.1");
            answers.Add((await Logins.AttemptAsync(caller, i % 3 == 0 ? Face.Soap12 : Face.Soap11, account.Username, $"guess {i}")).Code);
        }

        // Five per account and address, the production default, whichever instance answers.
        CollectionAssert.AreEqual(new[] { "Unauthenticated", "Unauthenticated", "Unauthenticated", "Unauthenticated", "Unauthenticated", "Throttled", "Throttled", "Throttled" }, answers);
    }

    [TestMethod]
    public async Task PasswordChangedOrAccountDeletedOnOneInstance_IsRefusedOnTheOtherAtOnce()
    {
        var started = await StartTwoAsync();
        await using var a = started[0];
        await using var b = started[1];
        var changed = await a.Soap.SignUpAsync();
        var deleted = await a.Soap.SignUpAsync();
        // B remembers both logins in its verification cache.
        await b.Soap.Users(SoapVersion.Soap11, changed).LoginAsync();
        await b.Soap.Users(SoapVersion.Soap11, deleted).LoginAsync();

        await a.Soap.Users(SoapVersion.Soap11, changed).UpdateUserAsync(changed.User.Id, null, null, "a brand new password", null, null, null);
        await a.Soap.Users(SoapVersion.Soap12, deleted).DeleteUserAsync(deleted.User.Id);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => b.Soap.Users(SoapVersion.Soap11, changed).LoginAsync());
        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => b.Soap.Users(SoapVersion.Soap12, deleted).LoginAsync());
        Assert.AreEqual(changed.User.Id, (await b.Soap.Users(SoapVersion.Soap12, changed.Username, "a brand new password").LoginAsync()).Id);
    }

    [TestMethod]
    public async Task UsedNonces_AreSweptOnceExpired()
    {
        var settings = await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync();
        await using var service = await ServiceProcess.StartAsync([.. settings, "--Credentials:ClockSkew=00:00:01"]);
        var account = await service.Soap.SignUpAsync();
        await using var database = new NpgsqlConnection(settings[1]["--Storage:ConnectionString=".Length..]);
        await database.OpenAsync();

        var login = await LoginAsync(service, SoapVersion.Soap11,
            RawSoap.UsernameToken(account.Username, account.Password, Convert.ToBase64String(Guid.NewGuid().ToByteArray()), DateTimeOffset.UtcNow));
        var remembered = await CountNoncesAsync(database);

        Assert.IsNull(login.DetailCode, login.Body);
        Assert.IsGreaterThanOrEqualTo(1L, remembered, "the nonce is in the shared table");
        var deadline = Stopwatch.StartNew();
        while (await CountNoncesAsync(database) > 0)
        {
            Assert.IsLessThan(TimeSpan.FromSeconds(30), deadline.Elapsed, "expired nonces were never swept");
            await Task.Delay(200);
        }
    }

    private static async Task<long> CountNoncesAsync(NpgsqlConnection database)
    {
        await using var count = new NpgsqlCommand("SELECT count(*) FROM used_nonces", database);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<ServiceProcess[]> StartTwoAsync()
    {
        var settings = await (await PostgresCluster.SharedAsync()).ServiceSettingsAsync();
        return await Task.WhenAll(ServiceProcess.StartAsync(settings), ServiceProcess.StartAsync(settings));
    }

    private static Task<RawResponse> LoginAsync(ServiceProcess service, SoapVersion version, string token) =>
        RawSoap.PostAsync(service.Http, "UserService.svc", version, RawSoap.Action("UserService", "Login"),
            RawSoap.Envelope(version, $"<Login xmlns=\"{RawSoap.Ns}\"/>", token));
}
