namespace PackDaemon.Protocol;

/// <summary>Who answered. A client whose <see cref="DaemonBuild"/> differs from its own asks this daemon to shut down and
/// starts its own, so a client never talks to a daemon of another build.</summary>
/// <param name="DaemonBuild">The exact build of the daemon: version plus the hash of its binaries.</param>
public sealed record InitializeResult(int ProtocolVersion, string DaemonVersion, string DaemonBuild, int Pid, DateTimeOffset StartedAt);
