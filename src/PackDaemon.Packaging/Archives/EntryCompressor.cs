namespace PackDaemon.Packaging.Archives;

/// <summary>Hashes and compresses one entry; already-compressed formats (.png, .jpg, .gz, .woff2, ...) are stored.</summary>
public static class EntryCompressor
{
    public static CompressedBlob Compress(string archivePath, ReadOnlySpan<byte> content) => throw new NotImplementedException();
}
