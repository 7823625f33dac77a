using PackDaemon.Cli.Daemon;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// <c>packd lsp</c>'s one connection to the daemon, as an ordinary protocol client: it starts the daemon when none
/// runs (like every packd command), opens each project with <c>subscribe</c>, and hands the notifications to the
/// listener. When the daemon goes away (restart, upgrade, crash) it reconnects and opens the same projects again, so
/// an editor session outlives daemons.
/// </summary>
internal sealed class DaemonBridge : IAsyncDisposable
{
    private const int MaxReconnectAttempts = 5;
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly DaemonConnector _connector;
    private readonly IDaemonListener _listener;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _roots = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private DaemonClient? _client;
    private Task _pump = Task.CompletedTask;

    public DaemonBridge(DaemonConnector connector, IDaemonListener listener)
    {
        _connector = connector;
        _listener = listener;
    }

    /// <summary>Opens <paramref name="root"/> once; later calls for the same root do nothing.</summary>
    public async Task OpenAsync(string root, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_roots.Add(root))
            {
                return;
            }

            // A fresh connection opens every known root, this one included.
            if (_client is { Completion.IsCompleted: false } live)
            {
                await OpenOneAsync(live, root, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ConnectAsync(userVisibleFailure: true, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A build now (the code lens's command); its result arrives as <c>build/finished</c> like any other.</summary>
    /// <returns>Null when no daemon can be reached (the user has been told).</returns>
    public async Task<BuildReport?> BuildAsync(string root, CancellationToken cancellationToken)
    {
        DaemonClient? client;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            client = _client is { Completion.IsCompleted: false } live
                ? live
                : await ConnectAsync(userVisibleFailure: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return client is null ? null : await client.BuildAsync(new BuildParams(root), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_client is { } client)
        {
            // Disconnecting releases our hold on every workspace; the daemon keeps them warm for its keep-alive period.
            await client.DisposeAsync().ConfigureAwait(false);
        }

        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _gate.Dispose();
        _stop.Dispose();
    }

    /// <summary>Connects (starting the daemon when none runs), opens every known root and starts the notification
    /// pump. Call with the gate held.</summary>
    /// <returns>Null when no daemon could be reached; the listener has been told.</returns>
    private async Task<DaemonClient?> ConnectAsync(bool userVisibleFailure, CancellationToken cancellationToken)
    {
        DaemonClient client;
        try
        {
            client = await _connector.ConnectOrStartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DaemonUnavailableException ex)
        {
            await _listener.TroubleAsync($"packd lsp: the packd daemon is unavailable ({ex.Message}); diagnostics will not update.", userVisibleFailure, cancellationToken).ConfigureAwait(false);
            return null;
        }

        if (_client is { } old)
        {
            await old.DisposeAsync().ConfigureAwait(false);
        }

        _client = client;
        foreach (var root in _roots)
        {
            await OpenOneAsync(client, root, cancellationToken).ConfigureAwait(false);
        }

        _pump = Task.Run(() => PumpAsync(client), CancellationToken.None);
        return client;
    }

    private async Task OpenOneAsync(DaemonClient client, string root, CancellationToken cancellationToken)
    {
        try
        {
            var status = await client.OpenWorkspaceAsync(root, subscribe: true, cancellationToken).ConfigureAwait(false);
            await _listener.OpenedAsync(status, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonRpcException ex)
        {
            await _listener.TroubleAsync($"packd lsp: cannot open {root}: {RpcErrorText.Describe(ex)}", userVisible: false, cancellationToken).ConfigureAwait(false);
        }
        catch (DaemonConnectionLostException ex)
        {
            // The pump notices the same loss and reconnects, opening this root again.
            await _listener.TroubleAsync($"packd lsp: lost the daemon while opening {root}: {ex.Message}", userVisible: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PumpAsync(DaemonClient client)
    {
        var token = _stop.Token;
        try
        {
            await foreach (var notification in client.Notifications.ReadAllAsync(token).ConfigureAwait(false))
            {
                await _listener.NotificationAsync(notification, token).ConfigureAwait(false);
            }

            if (!token.IsCancellationRequested)
            {
                await ReconnectAsync(token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        await _listener.TroubleAsync("packd lsp: the connection to the daemon closed; reconnecting", userVisible: false, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; attempt <= MaxReconnectAttempts; attempt++)
        {
            await Task.Delay(ReconnectDelay, cancellationToken).ConfigureAwait(false);
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller (a didOpen, a build) may have reconnected meanwhile.
                if (_client is { Completion.IsCompleted: false }
                    || await ConnectAsync(userVisibleFailure: attempt == MaxReconnectAttempts, cancellationToken).ConfigureAwait(false) is not null)
                {
                    return;
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
