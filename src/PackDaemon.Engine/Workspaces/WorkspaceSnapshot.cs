using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Engine.Workspaces;

/// <summary>A consistent view of a workspace for <c>status</c>.</summary>
/// <param name="State">One of PackDaemon.Protocol.WorkspaceStates' values (<c>idle</c>, <c>settling</c>, ...).</param>
/// <param name="WatchMode"><c>events</c> or <c>polling</c>.</param>
public sealed record WorkspaceSnapshot(
    string Root,
    string State,
    long Generation,
    int PendingChanges,
    WorkspaceBuild? LastBuild,
    int Rescans,
    string WatchMode,
    string? WatchWarning,
    IReadOnlyList<Diagnostic> Diagnostics);
