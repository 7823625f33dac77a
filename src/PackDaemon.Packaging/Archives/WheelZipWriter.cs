namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Writes a deterministic zip: entries in the order added, no directory entries, host Unix, modes 644/755,
/// one fixed timestamp, no data descriptors, no extra fields, UTF-8 flag on non-ASCII names.
/// </summary>
public sealed class WheelZipWriter : IDisposable
{
    public WheelZipWriter(Stream output, DateTimeOffset timestamp) => throw new NotImplementedException();

    public void Add(string name, CompressedBlob blob, bool executable) => throw new NotImplementedException();

    /// <summary>Writes the central directory. The stream stays open.</summary>
    public void Finish() => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
