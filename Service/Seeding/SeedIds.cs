using System.Buffers.Binary;

namespace TweetsSoap.Service.Seeding;

/// <summary>UUID version 7 ids for a chosen past time, so seeded data spreads over a year and still sorts by time.</summary>
public sealed class SeedIds(Random random)
{
    private ushort _counter;

    public Guid At(DateTime utc)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = (ulong)new DateTimeOffset(utc).ToUnixTimeMilliseconds();
        // 48 bits of milliseconds, version 7, then a 12-bit counter so ids made within one millisecond still ascend.
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ms << 16) | 0x7000u | (uint)(_counter++ & 0x0FFF));
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
