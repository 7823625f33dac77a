namespace PackDaemon.Protocol;

/// <summary><c>initialize</c>: the first request on every connection.</summary>
/// <param name="ProtocolVersion">The client's <see cref="PackDaemon.Protocol.ProtocolVersion.Current"/>.</param>
/// <param name="ClientName">Shown in the daemon's log, e.g. <c>packd</c>, <c>vscode</c>, <c>packd_client</c>.</param>
public sealed record InitializeParams(int ProtocolVersion, string ClientName, string? ClientVersion = null);
