using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Connections;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Workspaces;

namespace PackDaemon.Daemon.Lifetime;

/// <summary>Closes workspaces whose keep-alive ran out, and stops the daemon once it has had no connection and no
/// workspace for the idle timeout: a forgotten daemon must not hold memory and inotify watches for days.</summary>
internal sealed class IdleMonitor(
    IdleClock idle,
    WorkspaceRegistry registry,
    ConnectionTracker connections,
    DaemonLifetime lifetime,
    TimeProvider time,
    ILogger<IdleMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Often enough that a short timeout (tests use one second) is honoured closely, rarely enough to cost nothing.
        var tick = TimeSpan.FromTicks(Math.Clamp(idle.Timeout.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var root in await registry.CloseExpiredAsync().ConfigureAwait(false))
            {
                DaemonLog.WorkspaceClosed(logger, root);
            }

            if (idle.Observe(busy: connections.Count > 0 || registry.Count > 0))
            {
                lifetime.RequestStop($"idle timeout (no connection and no workspace for {idle.Timeout.TotalSeconds:0.###} s)");
                return;
            }

            try
            {
                await Task.Delay(tick, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
