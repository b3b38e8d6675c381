using System.Net;
using System.Text;
using TweetsSoap.Tests.Support;
using static TweetsSoap.Tests.Support.RawSoap;

namespace TweetsSoap.Tests.Wire;

/// <summary>
/// Random mutations of valid envelopes (fixed seed, bounded count): every answer is a success, a plain 4xx, or a
/// well-formed SOAP fault that blames the client; none is an InternalError; the service keeps answering.
/// </summary>
[TestClass]
public sealed class FuzzTests : ServiceTests<FuzzTests>
{
    private const int Iterations = 300;

    [TestMethod]
    [DataRow(20261127)]
    public async Task MutatedEnvelopes_NeverCauseAnInternalError(int seed)
    {
        var account = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, account).PostTweetAsync("fuzz target", null, null, null);
        var token = UsernameToken(account.User.Username, account.Password);
        (string Path, string Action, string Body)[] seeds =
        [
            ("UserService.svc", Action("UserService", "GetUser"), $"<GetUser xmlns=\"{Ns}\"><userId>{account.User.Id}</userId></GetUser>"),
            ("UserService.svc", Action("UserService", "SignUp"), $"<SignUp xmlns=\"{Ns}\"><username>fz</username><email>fz@example.org</email><password>correct horse</password><firstName>F</firstName><lastName>Z</lastName><birthDate>1990-01-01</birthDate></SignUp>"),
            ("TweetService.svc", Action("TweetService", "ListTweets"), $"<ListTweets xmlns=\"{Ns}\"><authorId>{account.User.Id}</authorId><maxResults>5</maxResults></ListTweets>"),
            ("TweetService.svc", Action("TweetService", "UpdateTweet"), $"<UpdateTweet xmlns=\"{Ns}\"><tweetId>{tweet.Id}</tweetId><text>fuzzed</text></UpdateTweet>"),
        ];
        var random = new Random(seed);
        var unexpected = new List<string>();

        for (var i = 0; i < Iterations; i++)
        {
            var (path, action, body) = seeds[random.Next(seeds.Length)];
            var version = random.Next(2) == 0 ? SoapVersion.Soap11 : SoapVersion.Soap12;
            var bytes = Mutate(Encoding.UTF8.GetBytes(Envelope(version, body, token)), random);
            var contentType = version == SoapVersion.Soap11 ? "text/xml; charset=utf-8" : $"application/soap+xml; charset=utf-8; action=\"{action}\"";

            var response = await PostBytesAsync(Service.Http, path, contentType, bytes, version == SoapVersion.Soap11 ? action : null);

            if (Problem(response) is { } problem)
            {
                unexpected.Add($"#{i}: {problem}\n  sent: {Encoding.UTF8.GetString(bytes)}\n  got: {response.Body}");
            }
        }

        Assert.IsEmpty(unexpected, string.Join("\n", unexpected.Take(5)));
        Assert.AreEqual(account.User.Id, (await Soap.Users(SoapVersion.Soap12).GetUserAsync(account.User.Id)).Id, "the service keeps answering");
    }

    private static string? Problem(RawResponse response)
    {
        var status = (int)response.Status;
        if (status is >= 200 and < 300 || status is 400 or 413 or 415)
        {
            return null;
        }

        if (response.Status != HttpStatusCode.InternalServerError)
        {
            return $"HTTP {status}";
        }

        try
        {
            var code = response.FaultCode.LocalName;
            if (code is not ("Client" or "Sender" or "VersionMismatch" or "MustUnderstand"))
            {
                return $"fault code {code}";
            }

            return response.DetailCode == "InternalError" ? "InternalError" : null;
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException or NullReferenceException)
        {
            return $"a 500 that is not a well-formed fault ({e.Message})";
        }
    }

    /// <summary>One to three byte-level mutations: flip, delete, duplicate, insert a markup character, or truncate.</summary>
    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = input.ToList();
        var markup = "<>&\"'/=:;![]?#x0\u00e9\u0000\uffff"u8.ToArray();
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 1; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 16), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(random.Next(1, 32), bytes.Count - at))); break;
                case 3: bytes.Insert(at, markup[random.Next(markup.Length)]); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }
}
