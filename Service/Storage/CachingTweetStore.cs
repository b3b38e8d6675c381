namespace TweetsSoap.Service.Storage;

/// <summary>
/// Answers <see cref="GetTweetAsync"/> from memory when it can. Every write through this store invalidates what it
/// may change before it returns, so a caller's next read sees its own write. On SQLite one process owns the file and
/// that is all it takes: nobody ever reads a count or a text older than the last acknowledged write. On PostgreSQL
/// other instances write the same database: their writes reach this cache as notifications
/// (<see cref="Postgres.PostgresTweetCacheListener"/> calls <see cref="Forget"/> and <see cref="ForgetAll"/>), and the cache
/// answers only while <see cref="AnswerUntil"/> says that the listener has recently heard from the server.
/// </summary>
/// <remarks>
/// What each write changes in a <see cref="TweetRecord"/>: a like or retweet changes its target's counts; a post
/// changes the counts of the tweet it replies to and of the one it quotes; an edit changes one tweet. A deleted
/// tweet takes likes, retweets and replies' parents with it, and a user's name is in each of their tweets, so
/// deleting a tweet and changing or deleting a user (rare) forget everything.
/// A read that misses fills the cache only if no write finished while it read: <see cref="_generation"/> counts
/// finished writes and notifications, so a read that raced a commit cannot put back the value the commit replaced.
/// Lists of tweets and timelines, when the inner store can give their keys alone (<see cref="ITweetKeyLists"/>), are
/// filled in from the cache, the misses read in one batch. A tweet deleted between the two reads makes the list
/// read again whole, so a page never comes back shorter than the store would have made it.
/// </remarks>
public sealed class CachingTweetStore : ITweetStore
{
    private readonly Dictionary<Guid, TweetRecord> _tweets = [];
    private readonly Lock _gate = new();
    private readonly ITweetStore _inner;
    private readonly ITweetKeyLists? _keys;
    private readonly int _capacity;
    private long _generation;

    // Environment.TickCount64 up to which the cache may answer and fill; long.MaxValue when nothing but this
    // process writes the database.
    private long _answerUntil;

    /// <param name="answering">False for a database that other processes write: the cache then neither answers nor
    /// fills until <see cref="AnswerUntil"/> is called.</param>
    public CachingTweetStore(ITweetStore inner, int capacity, bool answering = true)
        : this(inner, inner as ITweetKeyLists, capacity, answering)
    {
    }

    /// <param name="keys">Where lists read their keys; null to read every list whole from <paramref name="inner"/>.</param>
    public CachingTweetStore(ITweetStore inner, ITweetKeyLists? keys, int capacity, bool answering = true)
    {
        _inner = inner;
        _keys = keys;
        _capacity = capacity;
        _answerUntil = answering ? long.MaxValue : 0;
    }

    /// <summary>Whether a read now may be answered from memory.</summary>
    public bool IsAnswering
    {
        get
        {
            lock (_gate)
            {
                return Answering;
            }
        }
    }

    private bool Answering => Environment.TickCount64 < _answerUntil;

    public async Task<TweetRecord?> GetTweetAsync(Guid id, CancellationToken cancellationToken)
    {
        long generation;
        lock (_gate)
        {
            if (Answering && _tweets.TryGetValue(id, out var cached))
            {
                return cached;
            }

            generation = _generation;
        }

        var tweet = await _inner.GetTweetAsync(id, cancellationToken);
        if (tweet is not null)
        {
            lock (_gate)
            {
                if (_generation == generation && Answering)
                {
                    Remember(tweet);
                }
            }
        }

        return tweet;
    }

    public async Task<IReadOnlyList<TweetRecord>> ListTweetsAsync(Guid? authorId, Guid? before, int limit, CancellationToken cancellationToken)
    {
        if (_keys is not null && IsAnswering
            && await ResolveAsync(await _keys.ListTweetIdsAsync(authorId, before, limit, cancellationToken), id => id, (_, tweet) => tweet, cancellationToken) is { } tweets)
        {
            return tweets;
        }

        return await _inner.ListTweetsAsync(authorId, before, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListUserTimelineAsync(Guid authorId, IdRange range, int limit, CancellationToken cancellationToken)
    {
        if (_keys is not null && IsAnswering
            && await ResolveAsync(await _keys.ListUserTimelineKeysAsync(authorId, range, limit, cancellationToken), Tweet, Entry, cancellationToken) is { } entries)
        {
            return entries;
        }

        return await _inner.ListUserTimelineAsync(authorId, range, limit, cancellationToken);
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListHomeTimelineAsync(Guid userId, IdRange range, int limit, CancellationToken cancellationToken)
    {
        if (_keys is not null && IsAnswering
            && await ResolveAsync(await _keys.ListHomeTimelineKeysAsync(userId, range, limit, cancellationToken), Tweet, Entry, cancellationToken) is { } entries)
        {
            return entries;
        }

        return await _inner.ListHomeTimelineAsync(userId, range, limit, cancellationToken);
    }

    private static Guid Tweet(TimelineKey key) => key.TweetId;

    private static TimelineEntry Entry(TimelineKey key, TweetRecord tweet) => new(key.Key, tweet, key.Retweet);

    /// <summary>
    /// The rows of <paramref name="keys"/> with their tweets, from the cache or read in one batch (which fills the cache
    /// under the same rule as <see cref="GetTweetAsync"/>); null when a tweet no longer exists.
    /// </summary>
    private async Task<TResult[]?> ResolveAsync<TKey, TResult>(
        IReadOnlyList<TKey> keys, Func<TKey, Guid> tweetOf, Func<TKey, TweetRecord, TResult> result, CancellationToken cancellationToken)
    {
        var tweets = new TweetRecord?[keys.Count];
        List<Guid>? missing = null;
        long generation;
        lock (_gate)
        {
            generation = _generation;
            var answering = Answering;
            for (var i = 0; i < keys.Count; i++)
            {
                if (!answering || !_tweets.TryGetValue(tweetOf(keys[i]), out tweets[i]))
                {
                    (missing ??= []).Add(tweetOf(keys[i]));
                }
            }
        }

        if (missing is not null)
        {
            var read = (await _inner.GetTweetsAsync(missing, cancellationToken)).ToDictionary(t => t.Id);
            lock (_gate)
            {
                if (_generation == generation && Answering)
                {
                    foreach (var tweet in read.Values)
                    {
                        Remember(tweet);
                    }
                }
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (tweets[i] is null)
                {
                    if (!read.TryGetValue(tweetOf(keys[i]), out tweets[i]))
                    {
                        return null;
                    }
                }
            }
        }

        var results = new TResult[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            results[i] = result(keys[i], tweets[i]!);
        }

        return results;
    }

    private void Remember(TweetRecord tweet)
    {
        if (_tweets.Count >= _capacity)
        {
            _tweets.Clear();
        }

        _tweets[tweet.Id] = tweet;
    }

    /// <summary>Lets the cache answer until <paramref name="tickCount64"/> (<see cref="Environment.TickCount64"/>), a lease
    /// the listener renews while it hears from the server. A lease that had run out starts again from an empty cache:
    /// a notice may be on its way for what it holds, and once a read has shown a write, the next must not show less.</summary>
    public void AnswerUntil(long tickCount64)
    {
        lock (_gate)
        {
            if (!Answering)
            {
                _generation++;
                _tweets.Clear();
            }

            _answerUntil = tickCount64;
        }
    }

    /// <summary>Stops answering and forgets everything: notifications may have been lost.</summary>
    public void StopAnswering()
    {
        lock (_gate)
        {
            _answerUntil = 0;
            _generation++;
            _tweets.Clear();
        }
    }

    public async Task CreateTweetAsync(NewTweet tweet, CancellationToken cancellationToken)
    {
        try
        {
            await _inner.CreateTweetAsync(tweet, cancellationToken);
        }
        finally
        {
            Forget(tweet.InReplyToId, tweet.QuotedTweetId);
        }
    }

    public async Task<bool> UpdateTweetTextAsync(Guid id, string text, DateTime updatedAt, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.UpdateTweetTextAsync(id, text, updatedAt, cancellationToken);
        }
        finally
        {
            Forget(id);
        }
    }

    public async Task<bool> DeleteTweetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.DeleteTweetAsync(id, cancellationToken);
        }
        finally
        {
            ForgetAll();
        }
    }

    public async Task<bool> UpdateUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.UpdateUserAsync(user, cancellationToken);
        }
        finally
        {
            ForgetAll();
        }
    }

    public async Task<bool> DeleteUserAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.DeleteUserAsync(id, cancellationToken);
        }
        finally
        {
            ForgetAll();
        }
    }

    public async Task<bool> AddRelationAsync(Relation relation, Guid userId, Guid targetId, Guid id, DateTime createdAt, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.AddRelationAsync(relation, userId, targetId, id, createdAt, cancellationToken);
        }
        finally
        {
            Forget(relation == Relation.Follow ? null : targetId);
        }
    }

    public async Task<bool> RemoveRelationAsync(Relation relation, Guid userId, Guid targetId, CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.RemoveRelationAsync(relation, userId, targetId, cancellationToken);
        }
        finally
        {
            Forget(relation == Relation.Follow ? null : targetId);
        }
    }

    /// <summary>Forgets one tweet that a write elsewhere may have changed.</summary>
    public void Forget(Guid id) => Forget(id, null);

    private void Forget(Guid? first, Guid? second = null)
    {
        lock (_gate)
        {
            _generation++;
            if (first is { } a)
            {
                _tweets.Remove(a);
            }

            if (second is { } b)
            {
                _tweets.Remove(b);
            }
        }
    }

    /// <summary>Forgets every tweet: a write may have changed any number of them (a deleted tweet, a renamed user).</summary>
    public void ForgetAll()
    {
        lock (_gate)
        {
            _generation++;
            _tweets.Clear();
        }
    }

    public Task CreateUserAsync(UserRecord user, CancellationToken cancellationToken) => _inner.CreateUserAsync(user, cancellationToken);

    public Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken) => _inner.GetUserAsync(id, cancellationToken);

    public Task<UserRecord?> FindUserByUsernameAsync(string username, CancellationToken cancellationToken) =>
        _inner.FindUserByUsernameAsync(username, cancellationToken);

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid? before, int limit, CancellationToken cancellationToken) =>
        _inner.ListUsersAsync(before, limit, cancellationToken);

    public Task<TweetRecord?> FindTweetByClientRequestIdAsync(Guid authorId, string clientRequestId, CancellationToken cancellationToken) =>
        _inner.FindTweetByClientRequestIdAsync(authorId, clientRequestId, cancellationToken);

    public Task<IReadOnlyList<UserRecord>> FindUsersByUsernamesAsync(IReadOnlyCollection<string> usernames, CancellationToken cancellationToken) =>
        _inner.FindUsersByUsernamesAsync(usernames, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> GetTweetsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        _inner.GetTweetsAsync(ids, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> ListConversationAsync(Guid conversationId, IdRange range, int limit, CancellationToken cancellationToken) =>
        _inner.ListConversationAsync(conversationId, range, limit, cancellationToken);

    public Task<IReadOnlyList<TweetRecord>> SearchTweetsAsync(SearchQuery query, IdRange range, int limit, CancellationToken cancellationToken) =>
        _inner.SearchTweetsAsync(query, range, limit, cancellationToken);

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListRelatedUsersAsync(Relation relation, Guid targetId, Guid? before, int limit, CancellationToken cancellationToken) =>
        _inner.ListRelatedUsersAsync(relation, targetId, before, limit, cancellationToken);

    public Task<IReadOnlyList<Keyed<UserRecord>>> ListFollowingAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        _inner.ListFollowingAsync(userId, before, limit, cancellationToken);

    public Task<IReadOnlyList<Keyed<TweetRecord>>> ListLikedTweetsAsync(Guid userId, Guid? before, int limit, CancellationToken cancellationToken) =>
        _inner.ListLikedTweetsAsync(userId, before, limit, cancellationToken);
}
