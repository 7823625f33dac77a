using System.Globalization;
using System.Text;

namespace PackDaemon.Daemon.Rpc;

/// <summary>
/// The receiving side of a connection, checked as it is read: each header block must carry a Content-Length no larger
/// than the limit. StreamJsonRpc's HeaderDelimitedMessageHandler buffers whatever length a header announces, so one
/// <c>Content-Length: 999999999</c> would make the daemon allocate and wait for a gigabyte. Throwing here ends only
/// this connection: StreamJsonRpc treats a failed read as a lost stream.
/// </summary>
internal sealed class FrameLimitingStream(Stream inner, long maxContentLength) : Stream
{
    /// <summary>LSP-style headers are a few dozen bytes; a block this large is garbage or an attack.</summary>
    private const int MaxHeaderBlockBytes = 8 * 1024;

    private readonly byte[] _line = new byte[MaxHeaderBlockBytes];
    private int _lineLength;
    private int _headerBlockLength;
    private long? _contentLength;
    private long _bodyRemaining;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Inspect(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Inspect(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Inspect(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_bodyRemaining > 0)
            {
                var take = (int)Math.Min(_bodyRemaining, bytes.Length);
                _bodyRemaining -= take;
                bytes = bytes[take..];
                continue;
            }

            var b = bytes[0];
            bytes = bytes[1..];
            if (++_headerBlockLength > MaxHeaderBlockBytes)
            {
                throw new InvalidDataException($"a header block is longer than {MaxHeaderBlockBytes} bytes.");
            }

            if (b != (byte)'\n')
            {
                _line[_lineLength++] = b;
                continue;
            }

            var line = Encoding.ASCII.GetString(_line, 0, _lineLength).TrimEnd('\r');
            _lineLength = 0;
            if (line.Length == 0)
            {
                EndHeaderBlock();
            }
            else
            {
                ReadHeader(line);
            }
        }
    }

    private void ReadHeader(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidDataException($"invalid Content-Length header '{line}'.");
        }

        if (length > maxContentLength)
        {
            throw new InvalidDataException($"a frame of {length} bytes is larger than the limit of {maxContentLength} bytes.");
        }

        _contentLength = length;
    }

    private void EndHeaderBlock()
    {
        _bodyRemaining = _contentLength ?? throw new InvalidDataException("a header block without Content-Length.");
        _contentLength = null;
        _headerBlockLength = 0;
    }
}
