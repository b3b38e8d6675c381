namespace TweetsSoap.Service.Storage;

/// <summary>
/// <see cref="ILoginLedger"/> in this process, for a single instance (the SQLite backend). One lock over small
/// lists: each list is bounded by the throttle's limits, since a refused attempt is never recorded.
/// </summary>
public sealed class InProcessLoginLedger : ILoginLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Failure>> _byAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Failure>> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Address), DateTimeOffset> _known = [];
    private readonly Dictionary<(string Account, string Nonce), DateTimeOffset> _nonces = [];

    public Task<LoginHistory> ReadAsync(string account, string address, LoginWindow window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Read(account, address, window));
        }
    }

    public Task<(LoginHistory History, Guid? Attempt)> BeginAttemptAsync(
        string account, string address, LoginWindow window, Func<LoginHistory, bool> admit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var history = Read(account, address, window);
            if (!admit(history))
            {
                return Task.FromResult<(LoginHistory, Guid?)>((history, null));
            }

            var failure = new Failure(Guid.NewGuid(), account, address, window.Now);
            ListOf(_byAccount, account).Add(failure);
            ListOf(_byAddress, address).Add(failure);
            return Task.FromResult<(LoginHistory, Guid?)>((history, failure.Id));
        }
    }

    public Task SucceededAsync(Guid attempt, string account, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byAccount.TryGetValue(account, out var failures))
            {
                var withdrawn = failures.Where(f => f.Id == attempt || f.Address == address).ToHashSet();
                failures.RemoveAll(withdrawn.Contains);
                if (_byAddress.TryGetValue(address, out var fromAddress))
                {
                    fromAddress.RemoveAll(withdrawn.Contains);
                }
            }

            _known[(account, address)] = now;
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryRecordNonceAsync(string account, string nonce, DateTimeOffset now, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_nonces.TryGetValue((account, nonce), out var previous) && previous > now)
            {
                return Task.FromResult(false);
            }

            _nonces[(account, nonce)] = expires;
            return Task.FromResult(true);
        }
    }

    public Task SweepAsync(LoginWindow window, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Sweep(_byAccount, window.FailuresSince);
            Sweep(_byAddress, window.FailuresSince);
            RemoveWhere(_known, at => at <= window.KnownSince);
            RemoveWhere(_nonces, expires => expires <= window.Now);
        }

        return Task.CompletedTask;
    }

    private LoginHistory Read(string account, string address, LoginWindow window)
    {
        var ofAccount = Recent(_byAccount, account, window.FailuresSince);
        var ofPair = ofAccount.Where(f => f.Address == address).ToList();
        var ofAddress = Recent(_byAddress, address, window.FailuresSince);
        var known = _known.TryGetValue((account, address), out var at) && at > window.KnownSince;
        return new LoginHistory(
            ofPair.Count, Oldest(ofPair), ofAccount.Count, Oldest(ofAccount), ofAddress.Count, Oldest(ofAddress), known);
    }

    private static List<Failure> Recent(Dictionary<string, List<Failure>> lists, string key, DateTimeOffset since) =>
        lists.TryGetValue(key, out var list) ? list.Where(f => f.At > since).ToList() : [];

    private static DateTimeOffset? Oldest(List<Failure> failures) => failures.Count == 0 ? null : failures.Min(f => f.At);

    private static List<Failure> ListOf(Dictionary<string, List<Failure>> lists, string key)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        return list;
    }

    private static void Sweep(Dictionary<string, List<Failure>> lists, DateTimeOffset since)
    {
        foreach (var (key, list) in lists)
        {
            list.RemoveAll(f => f.At <= since);
            if (list.Count == 0)
            {
                lists.Remove(key);
            }
        }
    }

    private static void RemoveWhere<TKey>(Dictionary<TKey, DateTimeOffset> entries, Func<DateTimeOffset, bool> expired)
        where TKey : notnull
    {
        foreach (var (key, value) in entries)
        {
            if (expired(value))
            {
                entries.Remove(key);
            }
        }
    }

    private sealed record Failure(Guid Id, string Account, string Address, DateTimeOffset At);
}
