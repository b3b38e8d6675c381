using Microsoft.Data.Sqlite;
using Spectre.Console;
using TweetsSoap.Service.Domain.TweetText;
using TweetsSoap.Service.Storage;

namespace TweetsSoap.Service.Seeding;

/// <summary>Writes the seeded rows with prepared statements, one transaction per batch.</summary>
public sealed class SeedWriter(SqliteConnection connection, Random random, string passwordHash)
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee"];

    private readonly SeedIds _ids = new(random);
    private readonly SeedText _text = new(random);
    private readonly DateTime _start = DateTime.UtcNow.AddDays(-365);
    private readonly List<Guid> _users = [];
    private readonly List<string> _usernames = [];

    public async Task UsersAsync(int count, int batch, ProgressTask progress)
    {
        var insert = Prepare("""
            INSERT INTO users (id, username, username_key, email, email_key, password_hash, first_name, last_name, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, 9);
        var offset = await ScalarAsync("SELECT count(*) FROM users");
        await InBatchesAsync(insert, count, batch, progress, i =>
        {
            var at = _start.AddSeconds(i);
            var id = _ids.At(at);
            var username = $"user{offset + i}";
            _users.Add(id);
            _usernames.Add(username);
            Bind(insert, id.ToString(), username, username, $"{username}@example.org", $"{username}@example.org", passwordHash,
                FirstNames[i % FirstNames.Length], LastNames[i / FirstNames.Length % LastNames.Length], Ms(at));
        });
    }

    /// <summary>Each user follows 5 to 60 others, skewed towards the first users, who so become the popular accounts.</summary>
    public async Task FollowsAsync(int batch, ProgressTask progress)
    {
        var insert = Prepare("INSERT OR IGNORE INTO follows (id, follower_id, followee_id, created_at) VALUES ($1, $2, $3, $4)", 4);
        await InBatchesAsync(insert, _users.Count, batch / 30, progress, i =>
        {
            var follows = random.Next(5, 61);
            for (var f = 0; f < follows; f++)
            {
                var followee = Skewed(_users.Count);
                if (followee != i)
                {
                    var at = _start.AddSeconds(_users.Count + random.Next(86_400));
                    Bind(insert, _ids.At(at).ToString(), _users[i].ToString(), _users[followee].ToString(), Ms(at));
                    insert.ExecuteNonQuery();
                }
            }
        }, executeEach: false);
    }

    /// <summary>Tweets in time order (one in ten a reply to a recent tweet), each liked 0 to 2 times and sometimes retweeted.</summary>
    public async Task TweetsAsync(int count, int batch, ProgressTask progress)
    {
        var insert = Prepare("""
            INSERT INTO tweets (id, author_id, text, created_at, conversation_id, in_reply_to_id, seq, weighted_length, entities)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, 9);
        var like = Prepare("INSERT OR IGNORE INTO likes (id, user_id, tweet_id, created_at) VALUES ($1, $2, $3, $4)", 4);
        var retweet = Prepare("INSERT OR IGNORE INTO retweets (id, user_id, tweet_id, created_at) VALUES ($1, $2, $3, $4)", 4);
        var seq = await ScalarAsync("SELECT coalesce(max(seq), 0) FROM tweets");
        var ids = new Guid[count];
        var conversations = new Guid[count];
        var step = (DateTime.UtcNow - _start.AddDays(2)).TotalMilliseconds / count;
        await InBatchesAsync(insert, count, batch, progress, i =>
        {
            var at = _start.AddDays(2).AddMilliseconds(i * step);
            var id = ids[i] = _ids.At(at);
            var parent = i > 10 && random.NextDouble() < 0.1 ? i - random.Next(1, Math.Min(i, 1000)) : -1;
            conversations[i] = parent >= 0 ? conversations[parent] : id;
            var text = _text.Next(_usernames);
            var parsed = ParsedText.Of(text);
            Bind(insert, id.ToString(), _users[Skewed(_users.Count)].ToString(), text, Ms(at),
                conversations[i].ToString(), parent >= 0 ? ids[parent].ToString() : DBNull.Value, seq + i + 1,
                parsed.WeightedLength, StoredEntities.Encode(text, parsed.Entities));
            insert.ExecuteNonQuery();
            for (var l = random.Next(3); l > 0; l--)
            {
                Bind(like, _ids.At(at).ToString(), _users[random.Next(_users.Count)].ToString(), id.ToString(), Ms(at));
                like.ExecuteNonQuery();
            }

            if (random.NextDouble() < 0.2)
            {
                Bind(retweet, _ids.At(at).ToString(), _users[random.Next(_users.Count)].ToString(), id.ToString(), Ms(at));
                retweet.ExecuteNonQuery();
            }
        }, executeEach: false, also: [like, retweet]);
    }

    private int Skewed(int count) => (int)(count * Math.Pow(random.NextDouble(), 2));

    private async Task InBatchesAsync(SqliteCommand command, int count, int batch, ProgressTask progress, Action<int> row,
        bool executeEach = true, SqliteCommand[]? also = null)
    {
        for (var first = 0; first < count; first += batch)
        {
            await using var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            foreach (var other in also ?? [])
            {
                other.Transaction = transaction;
            }

            var end = Math.Min(count, first + batch);
            for (var i = first; i < end; i++)
            {
                row(i);
                if (executeEach)
                {
                    command.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync();
            progress.Increment(end - first);
        }
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static long Ms(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeMilliseconds();
}
