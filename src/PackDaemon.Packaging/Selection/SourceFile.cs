namespace PackDaemon.Packaging.Selection;

/// <summary>A regular file inside the project root, as the walker saw it.</summary>
/// <param name="RelativePath">Relative to the project root, <c>/</c>-separated, NFC.</param>
/// <param name="FullPath">Absolute path to read the bytes from (a symlink's in-root target is read through the link).</param>
public sealed record SourceFile(string RelativePath, string FullPath, long Size, DateTime LastWriteUtc, bool IsExecutable)
{
    /// <summary>
    /// The walk's stat of the file (kind, size, nanosecond mtime, inode, execute bits); Missing when the walk made
    /// none. Taken before any byte was read, so a build that walked the tree itself can use it as the file's stamp
    /// instead of a second stat; a selection kept from an earlier build must not (its stamps are old).
    /// </summary>
    public NodeStatus Walked { get; init; }
}
