namespace PackDaemon.Packaging.Selection;

/// <summary>A file the walker met, with what the tree alone says about it (before globs and package discovery).</summary>
/// <param name="ExcludedReason">Set when the file can never be packaged: always-excluded or a symlink leaving the project.</param>
internal sealed record WalkedFile(
    string RelativePath,
    string FullPath,
    long Size,
    DateTime LastWriteUtc,
    bool IsExecutable,
    IgnoreVerdict Ignore,
    string? ExcludedReason)
{
    /// <summary>The walk's stat of what a read opens (a link's target), when the walk made one; Missing otherwise.</summary>
    public NodeStatus Status { get; init; }
}
