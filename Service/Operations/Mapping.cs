using TweetsSoap.Contracts;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;
using TweetEntitiesContract = TweetsSoap.Contracts.TweetEntities;

namespace TweetsSoap.Service.Operations;

/// <summary>Store records to contract types, shared by the services.</summary>
public static class Mapping
{
    // The tweet cache hands out the same record until a write changes the tweet, so its contract is built once per
    // record and shared by every answer that shows it (and the SOAP writer keeps each contract's XML the same way).
    private static readonly IdentityCache<TweetRecord, Tweet> Contracts = new(4096);

    /// <summary>
    /// The contract of a tweet: the same object for the same record, so it must not be changed (build a fresh one
    /// with <see cref="NewContract"/> to add to it).
    /// </summary>
    public static Tweet ToContract(TweetRecord tweet)
    {
        if (!Contracts.TryGet(tweet, tweet.Id, out var contract))
        {
            contract = NewContract(tweet);
            Contracts.Set(tweet, tweet.Id, contract);
        }

        return contract;
    }

    private static Tweet NewContract(TweetRecord tweet)
    {
        var parsed = tweet.Parsed ?? ParsedText.Of(tweet.Text);
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
            WeightedLength = parsed.WeightedLength,
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
                Hashtags = Entities(parsed.Entities, EntityKind.Hashtag),
                Mentions = Entities(parsed.Entities, EntityKind.Mention),
                Urls = Entities(parsed.Entities, EntityKind.Url),
                Cashtags = Entities(parsed.Entities, EntityKind.Cashtag),
            },
        };
    }

    public static Tweet ToContract(TimelineEntry entry)
    {
        if (entry.Retweet is not { } retweet)
        {
            return ToContract(entry.Tweet);
        }

        var tweet = NewContract(entry.Tweet);
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

    private static List<TextEntity> Entities(IReadOnlyList<EntitySpan> entities, EntityKind kind) =>
        [.. entities.Where(e => e.Kind == kind).Select(e => new TextEntity { Start = e.Start, End = e.End, Value = e.Value })];
}
