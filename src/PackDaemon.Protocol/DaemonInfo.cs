namespace PackDaemon.Protocol;

/// <summary>The content of <c>daemon.json</c> in the runtime directory: how clients find the running daemon.</summary>
/// <param name="Build">Same as <see cref="InitializeResult.DaemonBuild"/>.</param>
public sealed record DaemonInfo(int Pid, string Version, string Build, int ProtocolVersion, string Socket, DateTimeOffset StartedAt);
