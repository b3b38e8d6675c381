using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TweetsSoap.Tests.Support;

namespace TweetsSoap.Tests.Wire;

/// <summary>SoapCore on its own runs operations for plain GETs and form posts; here none of them may.</summary>
[TestClass]
public sealed class HttpInvocationTests : ServiceTests<HttpInvocationTests>
{
    [TestMethod]
    public async Task GetOfAnOperationPath_IsNotFoundAndReturnsNoData()
    {
        var author = await Soap.SignUpAsync();
        var tweet = await Soap.Tweets(SoapVersion.Soap11, author).PostTweetAsync("secret-ish text", null, null, null);

        using var response = await Service.Http.GetAsync($"TweetService.svc/GetTweet?tweetId={tweet.Id}");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("secret-ish", await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    [DataRow("get")]
    [DataRow("form")]
    public async Task WritingOperationOverPlainHttp_IsRefusedAndWritesNothing(string how)
    {
        var author = await Soap.SignUpAsync();
        var path = $"TweetService.svc/PostTweet?text=sneaky&username={author.User.Username}";

        using var response = how == "get"
            ? await Service.Http.GetAsync(path)
            : await Service.Http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "sneaky" }));

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.IsEmpty((await Soap.Tweets(SoapVersion.Soap11).ListTweetsAsync(author.User.Id, null, null)).Tweets);
    }

    [TestMethod]
    public async Task SignUpOverGet_IsRefusedAndCreatesNoUser()
    {
        var username = SoapClients.UniqueUsername();

        using var response = await Service.Http.GetAsync(
            $"UserService.svc/SignUp?username={username}&email={username}@example.org&password=correcthorse&firstName=A&lastName=B");

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
        var users = (await Soap.Users(SoapVersion.Soap11).ListUsersAsync(100, null)).Users;
        Assert.IsFalse(users.Any(u => u.Username == username));
    }

    [TestMethod]
    [DataRow("PUT")]
    [DataRow("DELETE")]
    [DataRow("PATCH")]
    public async Task OtherMethods_AreNotAllowedAndSayWhatIs(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "TweetService.svc") { Content = new StringContent("") };

        using var response = await Service.Http.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "GET", "HEAD", "POST" }, response.Content.Headers.Allow.ToList());
    }

    [TestMethod]
    [DataRow("application/json", "{\"text\":\"hi\"}")]
    [DataRow("application/x-www-form-urlencoded", "text=hi")]
    [DataRow(null, "<x/>")]
    public async Task PostWithoutASoapContentType_IsUnsupportedMediaType(string? contentType, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await Service.Http.PostAsync("TweetService.svc", content);

        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "application/soap+xml");
    }
}
