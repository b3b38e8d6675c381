namespace TweetsSoap.Service.Operations;

/// <summary>
/// What was last derived from an object, for as long as the same object comes back: a fixed array of slots chosen by
/// the object's id, each holding one object and what was derived from it. A lookup hits only for the very object
/// that was stored (<see cref="object.ReferenceEquals"/>), so the cache is exact for objects nobody changes: a
/// changed tweet is a new record, which misses. Colliding ids replace each other; nothing grows and nothing locks
/// (a slot is one reference, replaced whole).
/// </summary>
public sealed class IdentityCache<TKey, TValue>
    where TKey : class
{
    private readonly Entry?[] _slots;

    /// <param name="slots">How many objects the cache keeps at most; a power of two.</param>
    public IdentityCache(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        if ((slots & (slots - 1)) != 0)
        {
            throw new ArgumentException("The number of slots must be a power of two.", nameof(slots));
        }

        _slots = new Entry?[slots];
    }

    public bool TryGet(TKey key, Guid id, out TValue value)
    {
        if (Volatile.Read(ref _slots[Slot(id)]) is { } entry && ReferenceEquals(entry.Key, key))
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, Guid id, TValue value) => Volatile.Write(ref _slots[Slot(id)], new Entry(key, value));

    private int Slot(Guid id) => id.GetHashCode() & (_slots.Length - 1);

    private sealed record Entry(TKey Key, TValue Value);
}
