namespace PackDaemon.Engine.Workspaces;

/// <summary>How one watched project is built and watched.</summary>
/// <param name="Root">Absolute folder holding pyproject.toml.</param>
/// <param name="SettleQuiet">Quiet time after the last watcher event before a batch is reconciled.</param>
/// <param name="SettleCap">Longest a batch waits for quiet; a file written continuously still gets built.</param>
/// <param name="GitWaitCap">Longest a build is deferred while git holds its index lock or a rebase/merge runs.</param>
/// <param name="AutoBuild">Build by itself when the tree changes (the daemon); false builds only on request.</param>
/// <param name="SourceDateEpoch">SOURCE_DATE_EPOCH for the artifacts' timestamps, or null.</param>
public sealed record WorkspaceOptions(
    string Root,
    TimeSpan SettleQuiet,
    TimeSpan SettleCap,
    TimeSpan GitWaitCap,
    bool AutoBuild,
    string? SourceDateEpoch)
{
    /// <summary>20 ms of quiet: the low end of what file watchers settle on (watchman's default is 20 ms), enough to
    /// take an editor's write-temp-then-rename save as one batch, and a large share of a save's latency otherwise.</summary>
    public static WorkspaceOptions Default(string root) => new(
        root,
        TimeSpan.FromMilliseconds(20),
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromMinutes(3),
        AutoBuild: true,
        SourceDateEpoch: null);

    public string OutputDirectory => Path.Combine(Root, "dist");
}
