namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>A write-only, non-seekable stream (a pipe, a socket): proves the writers stream instead of patching back.</summary>
internal sealed class NonSeekableStream(Stream inner) : WriteOnlyStream
{
    public override void Flush() => inner.Flush();

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
}
