using System.Text;
using System.Text.Json;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Lsp;
using PackDaemon.Packaging.Tests.Cli;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Packaging.Tests.Lsp;

/// <summary>The LSP server over an in-memory duplex stream, as an editor sees it: Content-Length frames in and out,
/// ids echoed as sent (numbers or strings), the shutdown/exit handshake. The workspace root is no project, so no daemon
/// is contacted (the Neovim integration test covers the daemon side).</summary>
public sealed class LspServerTests : IAsyncDisposable
{
    private readonly DuplexStream _editor;
    private readonly LspServer _server;
    private readonly Task<int> _run;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-lsp-server").FullName;

    public LspServerTests()
    {
        var (editor, server) = DuplexStream.CreatePair();
        _editor = editor;
        var connector = new DaemonConnector(new RuntimeDirectory(Path.Combine(_folder, "rt")), new DaemonExecutable(_folder));
        _server = new LspServer(server, server, connector);
        _run = _server.RunAsync(Token);
        _reader = new FrameReader(editor);
        _writer = new FrameWriter(editor);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_AnswersCapabilities_WithTheRequestsId()
    {
        var result = await RequestAsync("\"init-1\"", "initialize", $"{{\"rootUri\":\"{new Uri(_folder).AbsoluteUri}\",\"capabilities\":{{}}}}");

        Assert.Equal("init-1", result.GetProperty("id").GetString());
        var capabilities = result.GetProperty("result").GetProperty("capabilities");
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.Equal(1, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean());
        Assert.Equal("packd.build", capabilities.GetProperty("executeCommandProvider").GetProperty("commands")[0].GetString());
        Assert.Equal("packd", result.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Hover_UsesTheEditorsUnsavedText_AndMultiByteUtf8FramesIntact()
    {
        await RequestAsync("1", "initialize", "{\"capabilities\":{}}");
        var uri = new Uri(Path.Combine(_folder, "requirements.txt")).AbsoluteUri;
        await SendAsync($"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{{\"textDocument\":{{\"uri\":\"{uri}\",\"languageId\":\"text\",\"version\":1,\"text\":\"# café\\nflask>=2\\n\"}}}}}}");
        await SendAsync($"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{{\"textDocument\":{{\"uri\":\"{uri}\",\"version\":2}},\"contentChanges\":[{{\"text\":\"# café ☕\\ndjango[bcrypt]<6\\n\"}}]}}}}");

        var hover = await RequestAsync("2", "textDocument/hover", $"{{\"textDocument\":{{\"uri\":\"{uri}\"}},\"position\":{{\"line\":1,\"character\":2}}}}");

        var value = hover.GetProperty("result").GetProperty("contents").GetProperty("value").GetString();
        Assert.Contains("name: `django`", value, StringComparison.Ordinal);
        Assert.Contains("extras: `bcrypt`", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHoverOffARequirement_IsANullResult()
    {
        await RequestAsync("1", "initialize", "{\"capabilities\":{}}");
        var uri = new Uri(Path.Combine(_folder, "MANIFEST.in")).AbsoluteUri;

        var hover = await RequestAsync("2", "textDocument/hover", $"{{\"textDocument\":{{\"uri\":\"{uri}\"}},\"position\":{{\"line\":0,\"character\":0}}}}");

        Assert.Equal(JsonValueKind.Null, hover.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task CodeLens_OnPyproject_SaysNoBuildYet_UntilTheDaemonReportsOne()
    {
        await RequestAsync("1", "initialize", "{\"capabilities\":{}}");
        var uri = new Uri(Path.Combine(_folder, "pyproject.toml")).AbsoluteUri;

        var lenses = await RequestAsync("2", "textDocument/codeLens", $"{{\"textDocument\":{{\"uri\":\"{uri}\"}}}}");

        var command = Assert.Single(lenses.GetProperty("result").EnumerateArray()).GetProperty("command");
        Assert.Equal("packd: no build yet (click to build)", command.GetProperty("title").GetString());
        Assert.Equal("packd.build", command.GetProperty("command").GetString());
        Assert.Equal(_folder, command.GetProperty("arguments")[0].GetString());
    }

    [Fact]
    public async Task UnknownRequest_IsMethodNotFound_AndTheServerKeepsServing()
    {
        var unknown = await RequestAsync("7", "textDocument/completion", "{}");
        var initialize = await RequestAsync("8", "initialize", "{\"capabilities\":{}}");

        Assert.Equal(-32601, unknown.GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(initialize.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task ShutdownThenExit_EndsWithZero_AndRequestsInBetweenAreRefused()
    {
        await RequestAsync("1", "initialize", "{\"capabilities\":{}}");
        var shutdown = await RequestAsync("2", "shutdown", "null");
        var late = await RequestAsync("3", "textDocument/codeLens", "{}");
        await SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
        Assert.Equal(-32600, late.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, await _run.WaitAsync(TimeSpan.FromSeconds(10), Token));
    }

    [Fact]
    public async Task ExitWithoutShutdown_OrStdinClosing_EndsWithOne()
    {
        await RequestAsync("1", "initialize", "{\"capabilities\":{}}");
        await _editor.DisposeAsync();

        Assert.Equal(1, await _run.WaitAsync(TimeSpan.FromSeconds(10), Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _editor.DisposeAsync();
        await ((Task)_run).WaitAsync(TimeSpan.FromSeconds(10), Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _server.DisposeAsync();
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Task SendAsync(string json) => _writer.WriteFrameAsync(Encoding.UTF8.GetBytes(json), Token);

    private async Task<JsonElement> RequestAsync(string id, string method, string parameters)
    {
        await SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"{method}\",\"params\":{parameters}}}");
        var frame = await _reader.ReadFrameAsync(Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token)
            ?? throw new InvalidOperationException("the server closed its output");
        using var document = JsonDocument.Parse(frame);
        return document.RootElement.Clone();
    }
}
