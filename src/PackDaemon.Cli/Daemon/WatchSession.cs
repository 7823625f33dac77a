using System.Text.Json;
using PackDaemon.Cli.Output;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Daemon;

/// <summary>
/// <c>packd watch</c>'s loop: hold the workspace open with <c>subscribe</c>, print each build, and when the daemon goes
/// away (restart, upgrade, crash) say so and reconnect, starting a daemon when none runs. Ctrl+C closes the workspace
/// so the daemon's keep-alive clock starts now rather than when it notices the dropped connection.
/// </summary>
internal sealed class WatchSession
{
    private const int MaxReconnectAttempts = 5;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StatePollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly DaemonConnector _connector;
    private readonly string _root;
    private readonly WatchPrinter _printer;

    public WatchSession(DaemonConnector connector, string root, WatchPrinter printer)
    {
        _connector = connector;
        _root = root;
        _printer = printer;
    }

    /// <returns>The exit code: 0 after Ctrl+C, 1 when the daemon cannot be reached or refuses the folder.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reconnecting = false;
        var failures = 0;
        try
        {
            while (true)
            {
                DaemonClient client;
                try
                {
                    client = await _connector.ConnectOrStartAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DaemonUnavailableException ex)
                {
                    if (!reconnecting || ++failures >= MaxReconnectAttempts)
                    {
                        _printer.Error($"cannot watch: daemon unavailable ({ex.Message})");
                        return ExitCodes.BuildError;
                    }

                    await Task.Delay(ReconnectDelay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                failures = 0;
                await using (client.ConfigureAwait(false))
                {
                    var lost = await WatchUntilDisconnectedAsync(client, reconnecting, cancellationToken).ConfigureAwait(false);
                    if (lost is null)
                    {
                        return ExitCodes.BuildError;
                    }

                    _printer.ConnectionLost(lost);
                }

                reconnecting = true;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        finally
        {
            _printer.Stop();
        }
    }

    /// <returns>Why the connection ended, or null after a fatal error was printed.</returns>
    private async Task<string?> WatchUntilDisconnectedAsync(DaemonClient client, bool reconnected, CancellationToken cancellationToken)
    {
        try
        {
            var status = await client.OpenWorkspaceAsync(_root, subscribe: true, cancellationToken).ConfigureAwait(false);
            _printer.Opened(status, client.Daemon.Pid, reconnected);
        }
        catch (JsonRpcException ex)
        {
            _printer.Error($"cannot watch {_root}: {RpcErrorText.Describe(ex)}");
            return null;
        }
        catch (DaemonConnectionLostException ex)
        {
            return ex.Message;
        }

        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = _printer.Live ? PollStateAsync(client, stopPolling.Token) : Task.CompletedTask;
        try
        {
            await foreach (var notification in client.Notifications.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Handle(notification);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseQuietlyAsync(client).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await stopPolling.CancelAsync().ConfigureAwait(false);
            await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return "the connection closed";
    }

    private void Handle(JsonRpcNotification notification)
    {
        var json = ProtocolJsonContext.Default;
        try
        {
            switch (notification.Method)
            {
                case Methods.BuildStarted when notification.Params.Deserialize(json.BuildStartedNotification) is { } started && IsOurs(started.Root):
                    _printer.Started(started);
                    break;
                case Methods.BuildFinished when notification.Params.Deserialize(json.BuildReport) is { } report && IsOurs(report.Root):
                    _printer.Finished(report);
                    break;
                default:
                    // diagnostics/changed repeats what build/finished printed; unknown methods are for newer clients.
                    break;
            }
        }
        catch (JsonException ex)
        {
            _printer.Error($"ignored a malformed '{notification.Method}' notification: {ex.Message}");
        }
    }

    private bool IsOurs(string root) => string.Equals(Path.TrimEndingDirectorySeparator(root), Path.TrimEndingDirectorySeparator(_root), StringComparison.Ordinal);

    private async Task PollStateAsync(DaemonClient client, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StatePollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
            if (status.Workspaces.FirstOrDefault(w => IsOurs(w.Root)) is { State: not WorkspaceStates.Idle } workspace)
            {
                _printer.State(workspace);
            }
        }
    }

    private async Task CloseQuietlyAsync(DaemonClient client)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await client.CloseWorkspaceAsync(_root, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or JsonRpcException)
        {
            // Disconnecting releases the workspace as well; closing first only makes it prompt.
        }
    }
}
