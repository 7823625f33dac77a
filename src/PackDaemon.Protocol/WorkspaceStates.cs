namespace PackDaemon.Protocol;

/// <summary>The values of <see cref="WorkspaceStatus.State"/>.</summary>
public static class WorkspaceStates
{
    public const string Idle = "idle";
    public const string Settling = "settling";
    public const string Building = "building";
    public const string WaitingForGit = "waiting-for-git";
    public const string Failed = "failed";
}
