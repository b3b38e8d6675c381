using TweetsSoap.Service.Storage;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Identity;

/// <summary>
/// The login throttle with its production limits (docs/security-identity.md), attacked from addresses the tests
/// choose: a guesser is stopped, but cannot lock the owner or the people behind a shared address out, and a
/// guess spread over many addresses gets no more than the account's ceiling of password checks. On each backend.
/// </summary>
public abstract class LockoutTests<TSelf> : ServiceTests<TSelf>
{
    private const int PerAccountAndAddress = 5;
    private const int PerAccount = 20;
    private const int PerAddress = 50;

    [TestMethod]
    [DataRow(Face.Soap11)]
    [DataRow(Face.Soap12)]
    [DataRow(Face.Json)]
    public async Task Owner_FromACleanAddress_LogsInWhileAnAttackerHammersTheAccount(Face face)
    {
        var owner = await Soap.SignUpAsync();
        using var attacker = From("127.0.0.2");
        using var owners = From("127.0.0.3");

        var guesses = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            guesses.Add(await LoginAsync(attacker, face, owner.Username, $"guess number {i}"));
        }

        var rightGuessWhileThrottled = await LoginAsync(attacker, face, owner.Username, owner.Password);
        var ownerLogin = await LoginAsync(owners, face, owner.Username, owner.Password);
        var guessAfterwards = await LoginAsync(attacker, face, owner.Username, "one more guess");

        CollectionAssert.AreEqual(Answers(("Unauthenticated", PerAccountAndAddress), ("Throttled", 12 - PerAccountAndAddress)), guesses);
        Assert.AreEqual("Throttled", rightGuessWhileThrottled, "a right guess while throttled must look like a wrong one");
        Assert.AreEqual("ok", ownerLogin);
        Assert.AreEqual("Throttled", guessAfterwards);
    }

    [TestMethod]
    [DataRow(Face.Soap11)]
    [DataRow(Face.Soap12)]
    [DataRow(Face.Json)]
    public async Task GuessesAtOneAccount_FromManyAddresses_GetNoMorePasswordChecksThanTheAccountCeiling(Face face)
    {
        var owner = await Soap.SignUpAsync();
        using var home = From("127.0.1.1");
        Assert.AreEqual("ok", await LoginAsync(home, face, owner.Username, owner.Password));
        var bots = Enumerable.Range(2, 8).Select(i => (Source: $"127.0.1.{i}", Client: From($"127.0.1.{i}"))).ToList();

        var guesses = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            foreach (var bot in bots)
            {
                guesses.Add(await LoginAsync(bot.Client, face, owner.Username, $"guess {round} from {bot.Source}"));
            }
        }

        using var newcomer = From("127.0.1.100");
        var fromANewAddress = await LoginAsync(newcomer, face, owner.Username, owner.Password);
        var fromHome = await LoginAsync(home, face, owner.Username, owner.Password);
        bots.ForEach(bot => bot.Client.Dispose());

        CollectionAssert.AreEqual(Answers(("Unauthenticated", PerAccount), ("Throttled", 32 - PerAccount)), guesses);
        Assert.AreEqual("Throttled", fromANewAddress, "past the ceiling only known addresses may try");
        Assert.AreEqual("ok", fromHome);
    }

    [TestMethod]
    public async Task PeopleBehindOneAddress_WhoLoggedInThere_KeepLoggingInWhileSomeoneThereGuessesAcrossAccounts()
    {
        var colleague = await Soap.SignUpAsync();
        var newcomer = await Soap.SignUpAsync();
        using var office = From("127.0.2.1");
        using var elsewhere = From("127.0.2.2");
        Assert.AreEqual("ok", await LoginAsync(office, Face.Soap11, colleague.Username, colleague.Password));

        var guesses = new List<string>();
        for (var i = 0; i < PerAddress + 5; i++)
        {
            guesses.Add(await LoginAsync(office, i % 2 == 0 ? Face.Soap11 : Face.Soap12, SoapClients.UniqueUsername(), "password1"));
        }

        CollectionAssert.AreEqual(Answers(("Unauthenticated", PerAddress), ("Throttled", 5)), guesses);
        Assert.AreEqual("ok", await LoginAsync(office, Face.Soap12, colleague.Username, colleague.Password));
        Assert.AreEqual("Throttled", await LoginAsync(office, Face.Soap12, newcomer.Username, newcomer.Password), "the stated price: a first login from there waits");
        Assert.AreEqual("ok", await LoginAsync(elsewhere, Face.Soap12, newcomer.Username, newcomer.Password));
    }

    private static HttpClient From(string source) => SourceAddress.Client(Service.BaseAddress, source);

    private static async Task<string> LoginAsync(HttpClient from, Face face, string username, string password) =>
        (await Logins.AttemptAsync(from, face, username, password)).Code;

    private static List<string> Answers(params (string Answer, int Times)[] runs) =>
        [.. runs.SelectMany(run => Enumerable.Repeat(run.Answer, run.Times))];
}

[TestClass]
public sealed class SqliteLockoutTests : LockoutTests<SqliteLockoutTests>;

[TestClass]
[Backend(StorageProvider.Postgres)]
[TestCategory(Categories.External)]
public sealed class PostgresLockoutTests : LockoutTests<PostgresLockoutTests>;
