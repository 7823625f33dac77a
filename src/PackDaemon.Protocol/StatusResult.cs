namespace PackDaemon.Protocol;

/// <summary>The result of <c>status</c>.</summary>
/// <param name="LastStopReason">Why the previous daemon in this runtime directory stopped, when it said so.</param>
public sealed record StatusResult(
    int Pid,
    string DaemonVersion,
    int ProtocolVersion,
    DateTimeOffset StartedAt,
    long UptimeMs,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    int Connections,
    string? LastStopReason,
    IReadOnlyList<WorkspaceStatus> Workspaces);
