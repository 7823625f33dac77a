namespace PackDaemon.Engine.Workspaces;

/// <summary>The values of <see cref="WorkspaceSnapshot.State"/>. Engine cannot reference PackDaemon.Protocol, so these
/// repeat its WorkspaceStates; the strings are the contract.</summary>
public static class WorkspaceStateNames
{
    public const string Idle = "idle";
    public const string Settling = "settling";
    public const string Building = "building";
    public const string WaitingForGit = "waiting-for-git";
    public const string Failed = "failed";
}
