using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Mapping;
using PackDaemon.Daemon.Workspaces;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Protocol;
using Microsoft.Extensions.Logging;

namespace PackDaemon.Daemon.Connections;

/// <summary>Turns a workspace's engine events into protocol notifications for the connections subscribed to it.
/// Handlers run on the engine's thread, inside its build, so they map, enqueue and return; nothing here may throw
/// back into the engine.</summary>
internal sealed class NotificationHub(ConnectionTracker connections, ILogger<NotificationHub> logger)
{
    public void Attach(WorkspaceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var workspace = entry.Workspace;
        workspace.BuildStarted += started => Publish(started.Root, Methods.BuildStarted, () => ProtocolMapper.ToNotification(started));
        workspace.BuildFinished += build =>
        {
            var result = build.Outcome.Result;
            DaemonLog.BuildFinished(logger, build.Root, build.Generation, result.Succeeded ? "succeeded" : "failed", result.Timings.TotalMs);
            Publish(build.Root, Methods.BuildFinished, () => ProtocolMapper.ToReport(build));
        };
        workspace.DiagnosticsChanged += snapshot => Publish(snapshot.Root, Methods.DiagnosticsChanged, () => ProtocolMapper.ToNotification(snapshot));
    }

    private void Publish(string root, string method, Func<object> payload)
    {
        object? mapped = null;
        foreach (var connection in connections.All)
        {
            if (connection.IsSubscribed(root))
            {
                mapped ??= payload();
                connection.Notify(method, mapped);
            }
        }
    }
}
