using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Connections;
using PackDaemon.Daemon.Lifetime;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Daemon.Workspaces;

namespace PackDaemon.Daemon.Hosting;

/// <summary>The daemon-wide services a connection's RPC target needs, in one object so that a per-connection target
/// is cheap to create.</summary>
internal sealed record DaemonContext(
    DaemonIdentity Identity,
    DaemonLifetime Lifetime,
    WorkspaceRegistry Registry,
    ConnectionTracker Connections,
    TimeProvider Time,
    ILoggerFactory LoggerFactory);
