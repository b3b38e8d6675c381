using TweetsSoap.Client;
using TweetsSoap.Client.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Client;

/// <summary>Base of the tests that call the real service through the generated proxy (Client/Generated).</summary>
public abstract class ProxyTests<TSelf> : ServiceTests<TSelf>
{
    protected const string Password = "correct horse battery";

    protected static UserServiceClient Users(SoapProtocol protocol, string? username = null, string? password = null) =>
        username is null
            ? new UserServiceClient(Service.UserServiceAddress, protocol)
            : new UserServiceClient(Service.UserServiceAddress, protocol, username, password ?? Password);

    protected static TweetServiceClient Tweets(SoapProtocol protocol, string? username = null, string? password = null) =>
        username is null
            ? new TweetServiceClient(Service.TweetServiceAddress, protocol)
            : new TweetServiceClient(Service.TweetServiceAddress, protocol, username, password ?? Password);

    protected static string UniqueUsername() => SoapClients.UniqueUsername();

    /// <summary>Signs up a new user with a unique handle through the proxy.</summary>
    protected static async Task<User> SignUpAsync(SoapProtocol protocol)
    {
        var username = UniqueUsername();
        using var users = Users(protocol);
        return (await users.SignUpAsync(username, $"{username}@example.org", Password, "Ada", "Lovelace", new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc), null))!;
    }

    /// <summary>Expects the declared fault as a typed <see cref="FaultException{ServiceFault}"/> with <paramref name="code"/>.</summary>
    protected static Task<ServiceFault> ThrowsFaultAsync(ErrorCode code, Func<Task> call) => FaultAssert.ThrowsAsync(code, call);
}
