using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Security;
using TweetsSoap.Contracts;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Soap;

/// <summary>
/// HTTPS from standard Kestrel configuration (a PFX path and password), called as enterprise WCF clients do:
/// BasicHttpsBinding with TransportWithMessageCredential and a UserName credential.
/// </summary>
[TestClass]
public sealed class TlsTests
{
    private static ServiceFixture s_service = null!;
    private static string s_certificateDirectory = null!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        s_certificateDirectory = Directory.CreateTempSubdirectory("tweetssoap-tls-").FullName;
        var pfx = Path.Combine(s_certificateDirectory, "service.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));

        s_service = await ServiceFixture.StartAsync(
            "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0",
            $"--Kestrel:Endpoints:Https:Certificate:Path={pfx}",
            "--Kestrel:Endpoints:Https:Certificate:Password=pfx-password");
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await s_service.DisposeAsync();
        Directory.Delete(s_certificateDirectory, recursive: true);
    }

    [TestMethod]
    public async Task WcfClientWithTransportWithMessageCredential_SignsUpLogsInAndPosts()
    {
        Assert.AreEqual(Uri.UriSchemeHttps, s_service.BaseAddress.Scheme);
        var username = SoapClients.UniqueUsername();
        const string password = "correct horse battery";

        var user = await Channel<IUserService>(s_service.UserServiceAddress, username, password)
            .SignUp(username, $"{username}@example.org", password, "Ada", "Lovelace", null, null);
        var loggedIn = await Channel<IUserService>(s_service.UserServiceAddress, username, password).Login();
        var tweet = await Channel<ITweetService>(s_service.TweetServiceAddress, username, password).PostTweet("over TLS", null, null, null);

        Assert.AreEqual(user.Id, loggedIn.Id);
        Assert.AreEqual(user.Id, tweet.Author.Id);
    }

    [TestMethod]
    public async Task WcfClientWithAWrongPassword_GetsUnauthenticated()
    {
        var username = SoapClients.UniqueUsername();
        await Channel<IUserService>(s_service.UserServiceAddress, username, "correct horse battery")
            .SignUp(username, $"{username}@example.org", "correct horse battery", "Ada", "Lovelace", null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Channel<IUserService>(s_service.UserServiceAddress, username, "wrong password").Login());
    }

    private static T Channel<T>(Uri address, string username, string password)
    {
        var binding = new BasicHttpsBinding(BasicHttpsSecurityMode.TransportWithMessageCredential);
        binding.Security.Message.ClientCredentialType = BasicHttpMessageCredentialType.UserName;
        var factory = new ChannelFactory<T>(binding, new EndpointAddress(address));
        factory.Credentials.UserName.UserName = username;
        factory.Credentials.UserName.Password = password;
        // The certificate is self-signed and made for this test: there is no chain to check.
        factory.Credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
        {
            CertificateValidationMode = X509CertificateValidationMode.None,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        return factory.CreateChannel();
    }
}
