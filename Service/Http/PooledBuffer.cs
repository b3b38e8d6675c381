using System.Buffers;

namespace TweetsSoap.Service.Http;

/// <summary>A write-only stream over arrays rented from the shared pool, so that an answer costs no fresh buffer.</summary>
public sealed class PooledBuffer : Stream
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(4096);
    private int _length;

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_length + buffer.Length > _array.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + buffer.Length));
            _array.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        buffer.CopyTo(_array.AsSpan(_length));
        _length += buffer.Length;
    }

    /// <summary>Gives the array back to the pool; the stream is unusable afterwards.</summary>
    public void Return()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        _length = 0;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
