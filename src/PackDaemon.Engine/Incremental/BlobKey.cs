using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Scripts;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// What a wheel blob's bytes depend on: the content, whether its file name marks an already-compressed format
/// (stored rather than deflated, <see cref="EntryCompressor.IsPrecompressed"/>), and the backend's rewrite of a script's
/// shebang. The path itself does not matter, so a renamed or duplicated file reuses the blob.
/// </summary>
internal readonly record struct BlobKey(Sha256Value Content, bool PrecompressedName, ScriptRewrite Rewrite = ScriptRewrite.None)
{
    public static BlobKey For(Sha256Value content, string archivePath, ScriptRewrite rewrite = ScriptRewrite.None)
        => new(content, EntryCompressor.IsPrecompressed(archivePath), rewrite);
}
