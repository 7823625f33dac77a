using PackDaemon.Engine.Building;
using PackDaemon.Protocol;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Runtime;

/// <summary>Who this daemon is, as daemon.json, <c>initialize</c> and <c>status</c> report it.</summary>
/// <param name="Build">Version plus a hash of the daemon's own assemblies, so two builds of the same version are told
/// apart and a client never talks to a daemon built from other sources.</param>
/// <param name="PreviousStopReason">The previous daemon's last-stop.txt line, read before this one can overwrite it.</param>
internal sealed record DaemonIdentity(int Pid, string Version, string Build, DateTimeOffset StartedAt, string SocketPath, string? PreviousStopReason)
{
    public static DaemonIdentity Create(string socketPath, DateTimeOffset startedAt, string? previousStopReason)
    {
        var version = PackdVersion.Value;
        return new DaemonIdentity(Environment.ProcessId, version, BuildOf(version), startedAt, socketPath, previousStopReason);
    }

    /// <summary>The same computation a client makes over the packd-daemon next to it (<see cref="DaemonBuildId"/>), so
    /// equal strings mean the client would start exactly this daemon.</summary>
    private static string BuildOf(string version)
        => DaemonBuildId.Compute(AppContext.BaseDirectory) ?? version + "+unidentified";

    public DaemonInfo ToInfo() => new(Pid, Version, Build, ProtocolVersion.Current, SocketPath, StartedAt);

    public InitializeResult ToInitializeResult() => new(ProtocolVersion.Current, Version, Build, Pid, StartedAt);
}
