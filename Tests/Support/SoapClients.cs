using System.Collections.Concurrent;
using System.ServiceModel;
using TweetsSoap.Client;
using TweetsSoap.Client.Soap;

namespace TweetsSoap.Tests.Support;

/// <summary>
/// Generated proxies (Client/Generated) to the fixture's service over SOAP 1.1 or 1.2, anonymous or with a
/// UsernameToken, so the end-to-end tests call the service the way an integrator's generated client does.
/// </summary>
public sealed class SoapClients(Uri baseAddress) : IDisposable
{
    public SoapClients(ServiceFixture service)
        : this(service.BaseAddress)
    {
    }

    private readonly ConcurrentBag<ICommunicationObject> _clients = [];

    public UserServiceClient Users(SoapVersion version, string? username = null, string? password = null) =>
        Track(username is null
            ? new UserServiceClient(new Uri(baseAddress, "UserService.svc"), version)
            : new UserServiceClient(new Uri(baseAddress, "UserService.svc"), version, username, password ?? ""));

    public TweetServiceClient Tweets(SoapVersion version, string? username = null, string? password = null) =>
        Track(username is null
            ? new TweetServiceClient(new Uri(baseAddress, "TweetService.svc"), version)
            : new TweetServiceClient(new Uri(baseAddress, "TweetService.svc"), version, username, password ?? ""));

    public SocialServiceClient Social(SoapVersion version, string? username = null, string? password = null) =>
        Track(username is null
            ? new SocialServiceClient(new Uri(baseAddress, "SocialService.svc"), version)
            : new SocialServiceClient(new Uri(baseAddress, "SocialService.svc"), version, username, password ?? ""));

    public UserServiceClient Users(SoapVersion version, Account account) => Users(version, account.Username, account.Password);

    public TweetServiceClient Tweets(SoapVersion version, Account account) => Tweets(version, account.Username, account.Password);

    public SocialServiceClient Social(SoapVersion version, Account account) => Social(version, account.Username, account.Password);

    /// <summary>Signs up a new user with a unique handle.</summary>
    public async Task<Account> SignUpAsync(SoapVersion version = SoapVersion.Soap11, string? username = null)
    {
        username ??= UniqueUsername();
        const string password = "correct horse battery";
        var user = await Users(version).SignUpAsync(username, $"{username}@example.org", password, "Ada", "Lovelace", new DateTime(1990, 12, 10), null);
        return new Account(user ?? throw new InvalidOperationException("SignUp returned no user."), password);
    }

    public static string UniqueUsername() => "u" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        while (_clients.TryTake(out var client))
        {
            client.Abort();
        }
    }

    // Each call gets its own client, as each got its own channel before; they are all aborted with the fixture.
    private T Track<T>(T client)
        where T : ICommunicationObject
    {
        _clients.Add(client);
        return client;
    }
}

/// <summary>A signed-up user and the password that goes with it.</summary>
public sealed record Account(User User, string Password)
{
    public string Username => User.Username ?? throw new InvalidOperationException("The signed-up user has no username.");
}
