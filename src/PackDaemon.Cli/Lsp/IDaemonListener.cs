using PackDaemon.Cli.Daemon;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Lsp;

/// <summary>What <see cref="DaemonBridge"/> reports: each opened workspace, each notification, and trouble.</summary>
internal interface IDaemonListener
{
    Task OpenedAsync(WorkspaceStatus status, CancellationToken cancellationToken);

    Task NotificationAsync(JsonRpcNotification notification, CancellationToken cancellationToken);

    /// <param name="userVisible">True when the user should be told (no daemon at all), false for the log.</param>
    Task TroubleAsync(string message, bool userVisible, CancellationToken cancellationToken);
}
