using System.Collections.Concurrent;
using System.Text.Json;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Lsp.Messages;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// Turns what the daemon says about each project into what the editor shows: <c>diagnostics/changed</c>, the
/// diagnostics of <c>build/finished</c> and of the opening status become <c>textDocument/publishDiagnostics</c>; builds
/// update the state behind the pyproject.toml code lens.
/// </summary>
internal sealed class ProjectFeed : IDaemonListener
{
    private static readonly ProtocolJsonContext Protocol = ProtocolJsonContext.Default;

    private readonly LspOutput _output;
    private readonly DiagnosticPublisher _publisher;
    private readonly ConcurrentDictionary<string, BuildState> _builds = new(StringComparer.Ordinal);

    public ProjectFeed(LspOutput output, DiagnosticPublisher publisher)
    {
        _output = output;
        _publisher = publisher;
    }

    /// <summary>Set from the editor's capabilities: whether it accepts <c>workspace/codeLens/refresh</c>.</summary>
    public bool CodeLensRefreshSupported { get; set; }

    public BuildState BuildOf(string root) => _builds.TryGetValue(Key(root), out var state) ? state : BuildState.None;

    public async Task OpenedAsync(WorkspaceStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        _builds[Key(status.Root)] = BuildLens.FromStatus(status);
        await PublishAsync(status.Root, status.Diagnostics, cancellationToken).ConfigureAwait(false);
        await RefreshLensesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task NotificationAsync(JsonRpcNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            switch (notification.Method)
            {
                case Methods.BuildStarted when notification.Params.Deserialize(Protocol.BuildStartedNotification) is { } started:
                    _builds.AddOrUpdate(Key(started.Root), BuildState.None with { Building = true }, (_, old) => old with { Building = true });
                    await RefreshLensesAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case Methods.BuildFinished when notification.Params.Deserialize(Protocol.BuildReport) is { } report:
                    _builds[Key(report.Root)] = BuildLens.FromReport(report);
                    await PublishAsync(report.Root, report.Diagnostics, cancellationToken).ConfigureAwait(false);
                    await RefreshLensesAsync(cancellationToken).ConfigureAwait(false);
                    break;
                case Methods.DiagnosticsChanged when notification.Params.Deserialize(Protocol.DiagnosticsChangedNotification) is { } changed:
                    await PublishAsync(changed.Root, changed.Diagnostics, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    // Methods added to the protocol later are for newer clients.
                    break;
            }
        }
        catch (JsonException ex)
        {
            await _output.LogAsync($"packd lsp: ignored a malformed '{notification.Method}' notification: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }
    }

    public Task TroubleAsync(string message, bool userVisible, CancellationToken cancellationToken)
        => userVisible ? _output.ShowErrorAsync(message, cancellationToken) : _output.LogAsync(message, cancellationToken);

    private static string Key(string root) => Path.TrimEndingDirectorySeparator(root);

    private async Task PublishAsync(string root, IReadOnlyList<DiagnosticReport> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var message in _publisher.Replace(Key(root), diagnostics))
        {
            await _output.NotifyAsync("textDocument/publishDiagnostics", message, LspJsonContext.Default.PublishDiagnosticsParams, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RefreshLensesAsync(CancellationToken cancellationToken)
        => CodeLensRefreshSupported ? _output.RequestAsync("workspace/codeLens/refresh", cancellationToken) : Task.CompletedTask;
}
