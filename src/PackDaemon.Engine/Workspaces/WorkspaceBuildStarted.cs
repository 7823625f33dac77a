namespace PackDaemon.Engine.Workspaces;

/// <summary>A build of a workspace began.</summary>
/// <param name="ChangedFiles">Paths in the batch being reconciled (hints, not yet confirmed changes).</param>
public sealed record WorkspaceBuildStarted(string Root, long Generation, int ChangedFiles, string Trigger);
