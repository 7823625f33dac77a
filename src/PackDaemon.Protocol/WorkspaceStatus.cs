namespace PackDaemon.Protocol;

/// <summary>One watched project.</summary>
/// <param name="State">One of <see cref="WorkspaceStates"/>.</param>
/// <param name="Generation">Goes up by one for every reconciled change to the tree.</param>
/// <param name="PendingChanges">Paths hinted by the watcher and not yet reconciled; zero means up to date.</param>
/// <param name="Rescans">Full rescans since the workspace was opened (watcher overflow, errors, forced).</param>
/// <param name="WatchMode"><c>events</c> or <c>polling</c>.</param>
/// <param name="WatchWarning">Why the workspace fell back to polling, or null.</param>
/// <param name="Holders">Connections holding the workspace open.</param>
/// <param name="KeepAliveUntil">When an unheld workspace will be closed, or null while held.</param>
public sealed record WorkspaceStatus(
    string Root,
    string State,
    long Generation,
    int PendingChanges,
    BuildSummary? LastBuild,
    int Rescans,
    string WatchMode,
    string? WatchWarning,
    int Holders,
    DateTimeOffset? KeepAliveUntil,
    IReadOnlyList<DiagnosticReport> Diagnostics);
