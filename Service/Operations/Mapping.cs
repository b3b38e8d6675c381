using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain;
using TweetsSoap.Service.Storage;
using TweetEntitiesContract = TweetsSoap.Contracts.TweetEntities;

namespace TweetsSoap.Service.Operations;

/// <summary>Store records to contract types, shared by the services.</summary>
public static class Mapping
{
    public static Tweet ToContract(TweetRecord tweet)
    {
        var urls = Domain.TweetEntities.Urls(tweet.Text);
        return new Tweet
        {
            Id = tweet.Id,
            Text = tweet.Text,
            Author = new TweetAuthor
            {
                Id = tweet.AuthorId,
                Username = tweet.AuthorUsername,
                DisplayName = $"{tweet.AuthorFirstName} {tweet.AuthorLastName}",
            },
            CreatedAt = tweet.CreatedAt,
            UpdatedAt = tweet.UpdatedAt,
            WeightedLength = TweetLength.Weighted(tweet.Text),
            ConversationId = tweet.ConversationId,
            InReplyToTweetId = tweet.InReplyToId,
            QuotedTweetId = tweet.QuotedTweetId,
            Metrics = new TweetMetrics
            {
                LikeCount = tweet.LikeCount,
                RetweetCount = tweet.RetweetCount,
                ReplyCount = tweet.ReplyCount,
                QuoteCount = tweet.QuoteCount,
            },
            Entities = new TweetEntitiesContract
            {
                Hashtags = Entities(Domain.TweetEntities.Hashtags(tweet.Text, urls)),
                Mentions = Entities(Domain.TweetEntities.Mentions(tweet.Text, urls)),
                Urls = Entities(urls),
            },
        };
    }

    public static Tweet ToContract(TimelineEntry entry)
    {
        var tweet = ToContract(entry.Tweet);
        if (entry.Retweet is { } retweet)
        {
            tweet.Retweet = new TimelineRetweet
            {
                RetweetedBy = new TweetAuthor
                {
                    Id = retweet.UserId,
                    Username = retweet.Username,
                    DisplayName = $"{retweet.FirstName} {retweet.LastName}",
                },
                RetweetedAt = retweet.CreatedAt,
            };
        }

        return tweet;
    }

    public static User ToContract(UserRecord user, bool self) => new()
    {
        Id = user.Id,
        Username = user.Username,
        Email = self ? user.Email : null,
        FirstName = user.FirstName,
        LastName = user.LastName,
        BirthDate = self && user.BirthDate is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
        CreatedAt = user.CreatedAt,
        FollowersCount = user.FollowersCount,
        FollowingCount = user.FollowingCount,
    };

    private static List<TextEntity> Entities(IReadOnlyList<TextSpan> spans) =>
        [.. spans.Select(s => new TextEntity { Start = s.Start, End = s.End, Value = s.Value })];
}
