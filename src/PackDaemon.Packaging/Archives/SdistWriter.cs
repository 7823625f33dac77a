namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Writes a reproducible <c>.tar.gz</c>: ustar headers, pax extended headers only where ustar cannot hold the path,
/// uid/gid 0, empty owner names, modes 644/755, one fixed mtime, and a gzip header with that mtime, no FNAME, OS 255.
/// </summary>
public sealed class SdistWriter : IDisposable
{
    public SdistWriter(Stream output, DateTimeOffset timestamp) => throw new NotImplementedException();

    /// <param name="path">Path inside the archive, including the top folder (<c>name-1.0/pkg/x.py</c>).</param>
    public void Add(string path, ReadOnlySpan<byte> content, bool executable) => throw new NotImplementedException();

    /// <summary>Writes the end-of-archive blocks and the gzip trailer. The stream stays open.</summary>
    public void Finish() => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
