using System.Collections.Concurrent;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Text;
using TweetsSoap.Contracts;

namespace TweetsSoap.Tests.Support;

public enum SoapVersion
{
    Soap11,
    Soap12,
}

/// <summary>WCF client channels to a service over SOAP 1.1 or 1.2, with or without a UsernameToken.</summary>
public sealed class SoapClients(Uri baseAddress) : IDisposable
{
    public SoapClients(ServiceFixture service)
        : this(service.BaseAddress)
    {
    }

    private readonly ConcurrentDictionary<(Type, SoapVersion, string?, string?), ChannelFactory> _factories = new();

    public IUserService Users(SoapVersion version, string? username = null, string? password = null) =>
        Channel<IUserService>(new Uri(baseAddress, "UserService.svc"), version, username, password);

    public ITweetService Tweets(SoapVersion version, string? username = null, string? password = null) =>
        Channel<ITweetService>(new Uri(baseAddress, "TweetService.svc"), version, username, password);

    public ISocialService Social(SoapVersion version, string? username = null, string? password = null) =>
        Channel<ISocialService>(new Uri(baseAddress, "SocialService.svc"), version, username, password);

    public ISocialService Social(SoapVersion version, Account account) => Social(version, account.User.Username, account.Password);

    public IUserService Users(SoapVersion version, Account account) => Users(version, account.User.Username, account.Password);

    public ITweetService Tweets(SoapVersion version, Account account) => Tweets(version, account.User.Username, account.Password);

    /// <summary>Signs up a new user with a unique handle.</summary>
    public async Task<Account> SignUpAsync(SoapVersion version = SoapVersion.Soap11, string? username = null)
    {
        username ??= UniqueUsername();
        const string password = "correct horse battery";
        var user = await Users(version).SignUp(username, $"{username}@example.org", password, "Ada", "Lovelace", new DateTime(1990, 12, 10), null);
        return new Account(user, password);
    }

    public static string UniqueUsername() => "u" + Guid.NewGuid().ToString("N")[..12];

    public static Binding BindingFor(SoapVersion version) => version == SoapVersion.Soap11
        ? new BasicHttpBinding()
        : new CustomBinding(new TextMessageEncodingBindingElement(MessageVersion.Soap12, Encoding.UTF8), new HttpTransportBindingElement());

    public void Dispose()
    {
        foreach (var factory in _factories.Values)
        {
            factory.Abort();
        }
    }

    private T Channel<T>(Uri address, SoapVersion version, string? username, string? password)
    {
        var factory = (ChannelFactory<T>)_factories.GetOrAdd((typeof(T), version, username, password), _ =>
        {
            var created = new ChannelFactory<T>(BindingFor(version), new EndpointAddress(address));
            if (username is not null)
            {
                created.Endpoint.EndpointBehaviors.Add(new UsernameTokenBehavior(username, password ?? ""));
            }

            return created;
        });
        return factory.CreateChannel();
    }
}

public sealed record Account(User User, string Password);
