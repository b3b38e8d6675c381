using System.Xml.Linq;
using TweetsSoap.Contracts;
using TweetsSoap.Service.Identity;
using TweetsSoap.Service.Soap;
using static TweetsSoap.Service.Export.SampleRecorder;

namespace TweetsSoap.Service.Export;

/// <summary>
/// A user's day, one call per operation, in an order where each call is meaningful: sign up, log in, look around,
/// post, edit, delete. Each call becomes a sample in <c>wsdl/samples/</c>.
/// </summary>
public sealed class SampleScenario(SampleRecorder recorder)
{
    private static readonly SoapEndpoint Users = SoapEndpoint.All.Single(e => e.Contract == typeof(IUserService));
    private static readonly SoapEndpoint Tweets = SoapEndpoint.All.Single(e => e.Contract == typeof(ITweetService));
    private static readonly XNamespace Ns = Namespaces.V1;

    public async Task RunAsync()
    {
        var ada = new Credentials("ada", "correct horse battery");
        var signedUp = await recorder.CallAsync(Users, nameof(IUserService.SignUp), null,
            Arg("username", ada.Username), Arg("email", "ada@example.org"), Arg("password", ada.Password),
            Arg("firstName", "Ada"), Arg("lastName", "Lovelace"), Arg("birthDate", new DateTime(1990, 12, 10, 0, 0, 0, DateTimeKind.Utc)));
        var adaId = (Guid)signedUp.Descendants(Ns + "Id").First();

        await recorder.CallAsync(Users, nameof(IUserService.Login), ada);
        await recorder.CallAsync(Users, nameof(IUserService.GetUser), null, Arg("userId", adaId));
        await recorder.CallAsync(Users, nameof(IUserService.ListUsers), null, Arg("maxResults", 10), Arg("pageToken", null));
        await recorder.CallAsync(Users, nameof(IUserService.UpdateUser), ada,
            Arg("userId", adaId), Arg("username", null), Arg("email", null), Arg("password", null),
            Arg("firstName", null), Arg("lastName", "King"), Arg("birthDate", null));

        var posted = await recorder.CallAsync(Tweets, nameof(ITweetService.PostTweet), ada, Arg("text", "Hello from SOAP 👋"));
        var tweetId = (Guid)posted.Descendants(Ns + "Id").First();
        await recorder.CallAsync(Tweets, nameof(ITweetService.GetTweet), null, Arg("tweetId", tweetId));
        await recorder.CallAsync(Tweets, nameof(ITweetService.ListTweets), null, Arg("authorId", adaId), Arg("maxResults", 10), Arg("pageToken", null));
        await recorder.CallAsync(Tweets, nameof(ITweetService.UpdateTweet), ada, Arg("tweetId", tweetId), Arg("text", "Hello again from SOAP"));
        await recorder.CallAsync(Tweets, nameof(ITweetService.DeleteTweet), ada, Arg("tweetId", tweetId));

        await recorder.CallAsync(Users, nameof(IUserService.DeleteUser), ada, Arg("userId", adaId));
    }
}
