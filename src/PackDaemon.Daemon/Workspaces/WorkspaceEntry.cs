using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Daemon.Workspaces;

/// <summary>One open workspace and who holds it. Mutated only under <see cref="WorkspaceRegistry"/>'s lock.</summary>
internal sealed class WorkspaceEntry(Workspace workspace)
{
    public string Root => Workspace.Root;

    public Workspace Workspace { get; } = workspace;

    /// <summary>Connection ids, plus a negative lease id for each <c>build</c> call that opened the workspace itself.</summary>
    internal HashSet<long> HolderIds { get; } = [];

    public int Holders { get; internal set; }

    /// <summary>When the unheld workspace will be closed; null while held.</summary>
    public DateTimeOffset? KeepAliveUntil { get; internal set; }
}
