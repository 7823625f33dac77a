using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Hosting;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Lifetime;

/// <summary>Writes daemon.json once the socket listens, so a client that finds the file can connect at once.</summary>
internal sealed class DaemonInfoPublisher(
    RuntimeDirectory directory,
    DaemonIdentity identity,
    DaemonOptions options,
    ILogger<DaemonInfoPublisher> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        DaemonInfoFile.Write(directory.InfoPath, identity.ToInfo());
        DaemonLog.Listening(logger, identity.Build, identity.Pid, identity.SocketPath, options.IdleTimeout, options.KeepAlive);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
