namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>
/// Writes small buffers to a file but turns large ones into holes (seek forward), so a test can build a real
/// multi-GiB zip on disk with a few KB of storage and let Python read its headers.
/// </summary>
internal sealed class SparseStream(FileStream file, int holeThreshold) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.Length >= holeThreshold)
        {
            file.Seek(buffer.Length, SeekOrigin.Current);
        }
        else
        {
            file.Write(buffer);
        }
    }
}
