using UUIDNext;

namespace TweetsSoap.Service.Domain;

/// <summary>Times and ids for new records.</summary>
public sealed class Clock(TimeProvider time)
{
    /// <summary>Now in UTC, cut to the millisecond the store keeps, so what a write returns equals what a read returns.</summary>
    public DateTime UtcNow()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>A UUID version 7: ids made later in this process compare greater, also within one millisecond.</summary>
    public static Guid NewId() => Uuid.NewSequential();
}
