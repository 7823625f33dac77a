using PackDaemon.Packaging.Archives;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// What a wheel blob's bytes depend on: the content, and whether its file name marks an already-compressed format
/// (stored rather than deflated, <see cref="EntryCompressor.IsPrecompressed"/>). The path itself does not matter, so a
/// renamed or duplicated file reuses the blob.
/// </summary>
internal readonly record struct BlobKey(Sha256Value Content, bool PrecompressedName)
{
    public static BlobKey For(Sha256Value content, string archivePath) => new(content, EntryCompressor.IsPrecompressed(archivePath));
}
