using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Description;
using System.ServiceModel.Security;
using TweetsSoap.Client;
using TweetsSoap.Client.Soap;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Soap;

/// <summary>
/// HTTPS from standard Kestrel configuration (a PFX path and password), called through the generated proxy as
/// enterprise WCF clients do: BasicHttpsBinding with TransportWithMessageCredential and a UserName credential.
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

        var user = await Users(username, password)
            .SignUpAsync(username, $"{username}@example.org", password, "Ada", "Lovelace", null, null);
        var loggedIn = await Users(username, password).LoginAsync();
        var tweet = await Tweets(username, password).PostTweetAsync("over TLS", null, null, null);

        Assert.AreEqual(user!.Id, loggedIn!.Id);
        Assert.AreEqual(user.Id, tweet!.Author!.Id);
    }

    [TestMethod]
    public async Task WcfClientWithAWrongPassword_GetsUnauthenticated()
    {
        var username = SoapClients.UniqueUsername();
        await Users(username, "correct horse battery")
            .SignUpAsync(username, $"{username}@example.org", "correct horse battery", "Ada", "Lovelace", null, null);

        await FaultAssert.ThrowsAsync(ErrorCode.Unauthenticated, () => Users(username, "wrong password").LoginAsync());
    }

    private static UserServiceClient Users(string username, string password)
    {
        var client = new UserServiceClient(s_service.UserServiceAddress, SoapProtocol.Soap11, username, password);
        TrustTestCertificate(client.ClientCredentials);
        return client;
    }

    private static TweetServiceClient Tweets(string username, string password)
    {
        var client = new TweetServiceClient(s_service.TweetServiceAddress, SoapProtocol.Soap11, username, password);
        TrustTestCertificate(client.ClientCredentials);
        return client;
    }

    // The certificate is self-signed and made for this test: there is no chain to check.
    private static void TrustTestCertificate(ClientCredentials credentials) =>
        credentials.ServiceCertificate.SslCertificateAuthentication = new X509ServiceCertificateAuthentication
        {
            CertificateValidationMode = X509CertificateValidationMode.None,
            RevocationMode = X509RevocationMode.NoCheck,
        };
}
