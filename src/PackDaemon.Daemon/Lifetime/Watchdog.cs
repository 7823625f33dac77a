using Microsoft.Extensions.Hosting;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Lifetime;

/// <summary>
/// Steps down when this daemon is no longer the one clients find: daemon.json names another pid (or is gone), or
/// daemon.lock was deleted or replaced so another daemon could lock a new file. Without this an orphaned daemon
/// keeps watching and building while a second one serves the clients (watchman's and Buck2's lesson).
/// </summary>
internal sealed class Watchdog(
    RuntimeDirectory directory,
    InstanceLock instanceLock,
    DaemonIdentity identity,
    DaemonLifetime lifetime,
    TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!instanceLock.IsStillHeld())
            {
                lifetime.RequestStop("lost lock: daemon.lock was deleted or replaced");
                return;
            }

            if (DaemonInfoFile.TryRead(directory.InfoPath)?.Pid != identity.Pid)
            {
                lifetime.RequestStop("daemon.json no longer names this daemon");
                return;
            }
        }
    }
}
