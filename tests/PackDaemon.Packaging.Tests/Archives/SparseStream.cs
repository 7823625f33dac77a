namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>
/// Writes small buffers to a file but turns large ones into holes (seek forward), so a test can build a real
/// multi-GiB zip on disk with a few KB of storage and let Python read its headers.
/// </summary>
internal sealed class SparseStream(FileStream file, int holeThreshold) : WriteOnlyStream
{
    public override void Flush() => file.Flush();

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
