using System.Text.Json;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Lsp.Messages;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// The Language Server side of <c>packd lsp</c>: reads the editor's messages from stdin (Content-Length frames, the
/// same framing as the daemon's), answers <c>initialize</c>, hover and code lens itself, tracks open documents, and
/// opens each document's project in the daemon through <see cref="DaemonBridge"/>. Diagnostics flow the other way
/// through <see cref="ProjectFeed"/>. Nothing but LSP frames is written to stdout; trouble goes to the editor's log.
/// </summary>
internal sealed class LspServer : IAsyncDisposable
{
    private const int MethodNotFound = -32601;
    private const int InvalidRequest = -32600;

    private readonly Stream _input;
    private readonly LspOutput _output;
    private readonly TextDocuments _documents = new();
    private readonly ProjectFeed _feed;
    private readonly DaemonBridge _bridge;
    private readonly List<Task> _background = [];
    private string? _workspaceRoot;
    private bool _shutdownRequested;

    public LspServer(Stream input, Stream output, DaemonConnector connector)
    {
        _input = input;
        _output = new LspOutput(output);
        _feed = new ProjectFeed(_output, new DiagnosticPublisher(_documents));
        _bridge = new DaemonBridge(connector, _feed);
    }

    /// <returns>0 after <c>shutdown</c> then <c>exit</c>; 1 when the editor exits or closes stdin without shutdown, as
    /// the LSP specification asks.</returns>
    /// <exception cref="FramingException">The editor sent something that is not an LSP frame.</exception>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var reader = new FrameReader(_input);
        while (await reader.ReadFrameAsync(cancellationToken).ConfigureAwait(false) is { } frame)
        {
            JsonElement message;
            try
            {
                using var document = JsonDocument.Parse(frame);
                message = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                await _output.LogAsync("packd lsp: ignored a message that is not JSON: " + ex.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("method", out var methodElement) || methodElement.GetString() is not { } method)
            {
                // A response to one of our requests (codeLens/refresh): nothing waits for it.
                continue;
            }

            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            JsonElement? id = message.TryGetProperty("id", out var i) ? i : null;
            if (method == "exit")
            {
                return _shutdownRequested ? ExitCodes.Success : ExitCodes.BuildError;
            }

            if (id is { } requestId)
            {
                await AnswerAsync(requestId, method, parameters, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Handle(method, parameters);
            }
        }

        return _shutdownRequested ? ExitCodes.Success : ExitCodes.BuildError;
    }

    public async ValueTask DisposeAsync()
    {
        await _bridge.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _output.Dispose();
    }

    private async Task AnswerAsync(JsonElement id, string method, JsonElement parameters, CancellationToken cancellationToken)
    {
        if (_shutdownRequested)
        {
            await _output.RespondErrorAsync(id, InvalidRequest, "packd lsp is shutting down.", cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (method)
        {
            case "initialize":
                _workspaceRoot = WorkspaceRootOf(parameters);
                _feed.CodeLensRefreshSupported = Bool(parameters, "capabilities", "workspace", "codeLens", "refreshSupport");
                await _output.RespondAsync(id, Capabilities(), LspJsonContext.Default.LspInitializeResult, cancellationToken).ConfigureAwait(false);
                break;
            case "shutdown":
                _shutdownRequested = true;
                await _output.RespondNullAsync(id, cancellationToken).ConfigureAwait(false);
                break;
            case "textDocument/hover":
                if (Hover(parameters) is { } hover)
                {
                    await _output.RespondAsync(id, hover, LspJsonContext.Default.LspHover, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _output.RespondNullAsync(id, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "textDocument/codeLens":
                await _output.RespondAsync(id, CodeLenses(parameters), LspJsonContext.Default.LspCodeLensArray, cancellationToken).ConfigureAwait(false);
                break;
            case "workspace/executeCommand" when String(parameters, "command") == BuildLens.BuildCommandName:
                // Answered at once: the build's outcome arrives as build/finished, which updates diagnostics and the lens.
                if (parameters.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Array
                    && arguments.GetArrayLength() > 0 && arguments[0].GetString() is { } root)
                {
                    InBackground(() => _bridge.BuildAsync(root, CancellationToken.None));
                }

                await _output.RespondNullAsync(id, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await _output.RespondErrorAsync(id, MethodNotFound, $"packd lsp does not implement '{method}'.", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private void Handle(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "initialized":
                if (_workspaceRoot is { } root && ProjectRoots.IsProject(root))
                {
                    InBackground(() => _bridge.OpenAsync(root, CancellationToken.None));
                }

                break;
            case "textDocument/didOpen" when DocumentUris.ToPath(String(parameters, "textDocument", "uri")) is { } path:
                _documents.Set(path, String(parameters, "textDocument", "text") ?? string.Empty);
                if (ProjectRoots.Find(path, _workspaceRoot) is { } project)
                {
                    InBackground(() => _bridge.OpenAsync(project, CancellationToken.None));
                }

                break;
            case "textDocument/didChange" when DocumentUris.ToPath(String(parameters, "textDocument", "uri")) is { } path:
                // Full sync: the last change holds the whole text.
                if (parameters.TryGetProperty("contentChanges", out var changes) && changes.ValueKind == JsonValueKind.Array && changes.GetArrayLength() > 0)
                {
                    _documents.Set(path, String(changes[changes.GetArrayLength() - 1], "text") ?? string.Empty);
                }

                break;
            case "textDocument/didClose" when DocumentUris.ToPath(String(parameters, "textDocument", "uri")) is { } path:
                _documents.Remove(path);
                break;
            default:
                // didSave needs nothing: the daemon watches the disk and rebuilds. $/cancelRequest, $/setTrace: no-ops.
                break;
        }
    }

    private LspHover? Hover(JsonElement parameters)
    {
        if (DocumentUris.ToPath(String(parameters, "textDocument", "uri")) is not { } path
            || _documents.GetOrRead(path) is not { } text
            || !parameters.TryGetProperty("position", out var position))
        {
            return null;
        }

        return RequirementHover.Create(PackagingFiles.Classify(path), text, Int(position, "line"), Int(position, "character"));
    }

    private LspCodeLens[] CodeLenses(JsonElement parameters)
    {
        if (DocumentUris.ToPath(String(parameters, "textDocument", "uri")) is not { } path
            || PackagingFiles.Classify(path) != PackagingFileKind.Pyproject)
        {
            return [];
        }

        var root = Path.GetDirectoryName(path)!;
        return [BuildLens.Create(root, _feed.BuildOf(root))];
    }

    private static LspInitializeResult Capabilities() => new(
        new LspServerCapabilities(
            new LspTextDocumentSyncOptions(OpenClose: true, Change: 1, new LspSaveOptions(IncludeText: false)),
            HoverProvider: true,
            new LspCodeLensOptions(ResolveProvider: false),
            new LspExecuteCommandOptions([BuildLens.BuildCommandName])),
        new LspServerInfo("packd", DaemonBuildId.Version));

    /// <summary>rootUri, else the first workspace folder, else the deprecated rootPath.</summary>
    private static string? WorkspaceRootOf(JsonElement parameters)
    {
        if (DocumentUris.ToPath(String(parameters, "rootUri")) is { } root)
        {
            return root;
        }

        if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("workspaceFolders", out var folders)
            && folders.ValueKind == JsonValueKind.Array && folders.GetArrayLength() > 0
            && DocumentUris.ToPath(String(folders[0], "uri")) is { } folder)
        {
            return folder;
        }

        return String(parameters, "rootPath") is { Length: > 0 } rootPath && Path.IsPathRooted(rootPath) ? Path.GetFullPath(rootPath) : null;
    }

    /// <summary>Runs work off the read loop (opening a project may start the daemon), logging what goes wrong.</summary>
    private void InBackground(Func<Task> work)
    {
        _background.RemoveAll(t => t.IsCompleted);
        _background.Add(Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A background failure must reach the editor's log, not end the server.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await _output.LogAsync($"packd lsp: {ex.GetType().Name}: {ex.Message}", CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }));
    }

    private static JsonElement? Walk(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static string? String(JsonElement element, params string[] path)
        => Walk(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int Int(JsonElement element, params string[] path)
        => Walk(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n) ? n : -1;

    private static bool Bool(JsonElement element, params string[] path)
        => Walk(element, path) is { ValueKind: JsonValueKind.True };
}
