using System.ServiceModel;
using SoapCore;
using TweetsSoap.Contracts;

// SoapCore's defaults, the published Tweet type, one GetTweet with the same SOAPAction and body as TweetsSoap's, and
// a dictionary instead of a database. Its answer per request is the floor of what SoapCore itself costs.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSoapCore();
builder.Services.AddSingleton<PeerTweetService>();
var app = builder.Build();
((IApplicationBuilder)app).UseSoapEndpoint<PeerTweetService>(options =>
{
    options.Path = "/TweetService.svc";
    options.SoapSerializer = SoapSerializer.DataContractSerializer;
    options.EncoderOptions = [new SoapEncoderOptions()];
});
app.Run();

[ServiceContract(Name = "TweetService", Namespace = TweetsSoap.Contracts.Namespaces.V1)]
public interface IPeerTweetService
{
    [OperationContract]
    Tweet GetTweet(Guid tweetId);
}

public sealed class PeerTweetService : IPeerTweetService
{
    private readonly Dictionary<Guid, Tweet> _tweets = [];

    public Tweet GetTweet(Guid tweetId)
    {
        lock (_tweets)
        {
            if (!_tweets.TryGetValue(tweetId, out var tweet))
            {
                tweet = new Tweet
                {
                    Id = tweetId,
                    Text = "seed tweet 100",
                    Author = new TweetAuthor { Id = Guid.CreateVersion7(), Username = "bench", DisplayName = "Ada Lovelace" },
                    CreatedAt = DateTime.UtcNow,
                    WeightedLength = 14,
                    ConversationId = tweetId,
                };
                _tweets[tweetId] = tweet;
            }

            return tweet;
        }
    }
}
