using PackDaemon.Protocol;

namespace PackDaemon.Cli.Daemon;

/// <summary>What <see cref="DaemonConnector.ProbeAsync"/> found in the runtime folder.</summary>
/// <param name="Client">An initialized connection: set when <see cref="Compatible"/>, and for a daemon of another build
/// (so it can be asked to shut down). Null for a daemon of another protocol version, which cannot be asked anything.</param>
/// <param name="Pid">The running daemon's pid, when one answered.</param>
/// <param name="Reason">Why the daemon is absent or unusable, for messages; empty when compatible.</param>
internal sealed record DaemonProbe(DaemonClient? Client, bool Compatible, int? Pid, InitializeResult? Daemon, string Reason)
{
    public bool Running => Pid is not null;

    public static DaemonProbe Absent(string reason) => new(null, false, null, null, reason);
}
