namespace TweetsSoap.Service.Seeding;

/// <summary>A seeded user.</summary>
public sealed record SeedUser(Guid Id, string Username, string FirstName, string LastName, DateTime CreatedAt);

/// <summary>A follow (user follows target), like or retweet (user likes or retweets the target tweet).</summary>
public sealed record SeedRelation(Guid Id, Guid UserId, Guid TargetId, DateTime CreatedAt);

/// <summary>A seeded tweet with its likes and retweets. <see cref="ReplyCount"/> is final: the generator hands a tweet
/// out only once no later tweet can reply to it.</summary>
public sealed record SeedTweet(Guid Id, Guid AuthorId, string Text, DateTime CreatedAt, Guid ConversationId, Guid? InReplyToId, int Number)
{
    public List<SeedRelation> Likes { get; } = [];

    public List<SeedRelation> Retweets { get; } = [];

    public int ReplyCount { get; set; }
}

/// <summary>
/// The rows <c>seed</c> writes, from one seeded random sequence whatever the backend: users who follow each other,
/// tweets in time order (one in ten a reply to a recent tweet), each liked 0 to 2 times and sometimes retweeted.
/// Rows a unique constraint would refuse (a second follow of the same account, a second like by the same user) are
/// left out here, so every backend holds the same rows. Times are whole milliseconds, as SQLite stores them.
/// </summary>
public sealed class SeedGenerator(Random random, int firstUserNumber)
{
    /// <summary>How far back a reply's parent may be.</summary>
    private const int ReplyWindow = 1000;

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee"];

    private readonly SeedIds _ids = new(random);
    private readonly SeedText _text = new(random);
    private readonly DateTime _start = Whole(DateTime.UtcNow.AddDays(-365));
    private readonly List<Guid> _users = [];
    private readonly List<string> _usernames = [];

    public IEnumerable<SeedUser> Users(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = _start.AddSeconds(i);
            var user = new SeedUser(_ids.At(at), $"user{firstUserNumber + i}", FirstNames[i % FirstNames.Length], LastNames[i / FirstNames.Length % LastNames.Length], at);
            _users.Add(user.Id);
            _usernames.Add(user.Username);
            yield return user;
        }
    }

    /// <summary>Each user follows 5 to 60 others, skewed towards the first users, who so become the popular accounts;
    /// one list per follower.</summary>
    public IEnumerable<List<SeedRelation>> Follows()
    {
        for (var i = 0; i < _users.Count; i++)
        {
            var follows = new List<SeedRelation>();
            var followees = new HashSet<int>();
            for (var f = random.Next(5, 61); f > 0; f--)
            {
                var followee = Skewed(_users.Count);
                if (followee != i)
                {
                    var at = _start.AddSeconds(_users.Count + random.Next(86_400));
                    var id = _ids.At(at);
                    if (followees.Add(followee))
                    {
                        follows.Add(new SeedRelation(id, _users[i], _users[followee], at));
                    }
                }
            }

            yield return follows;
        }
    }

    public IEnumerable<SeedTweet> Tweets(int count)
    {
        var tweets = new SeedTweet[count];
        var start = _start.AddDays(2);
        var step = (DateTime.UtcNow - start).TotalMilliseconds / count;
        for (var i = 0; i < count; i++)
        {
            var at = Whole(start.AddMilliseconds(i * step));
            var id = _ids.At(at);
            var parent = i > 10 && random.NextDouble() < 0.1 ? tweets[i - random.Next(1, Math.Min(i, ReplyWindow))] : null;
            var text = _text.Next(_usernames);
            var tweet = tweets[i] = new SeedTweet(id, _users[Skewed(_users.Count)], text, at, parent?.ConversationId ?? id, parent?.Id, i);
            if (parent is not null)
            {
                parent.ReplyCount++;
            }

            for (var l = random.Next(3); l > 0; l--)
            {
                var like = new SeedRelation(_ids.At(at), _users[random.Next(_users.Count)], id, at);
                if (!tweet.Likes.Exists(other => other.UserId == like.UserId))
                {
                    tweet.Likes.Add(like);
                }
            }

            if (random.NextDouble() < 0.2)
            {
                tweet.Retweets.Add(new SeedRelation(_ids.At(at), _users[random.Next(_users.Count)], id, at));
            }

            if (i >= ReplyWindow)
            {
                yield return tweets[i - ReplyWindow];
                tweets[i - ReplyWindow] = null!;
            }
        }

        for (var i = Math.Max(0, count - ReplyWindow); i < count; i++)
        {
            yield return tweets[i];
        }
    }

    private int Skewed(int count) => (int)(count * Math.Pow(random.NextDouble(), 2));

    private static DateTime Whole(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
