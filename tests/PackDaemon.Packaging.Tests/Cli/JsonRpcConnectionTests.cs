using PackDaemon.Cli.Daemon;
using PackDaemon.Protocol;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed class JsonRpcConnectionTests : IAsyncDisposable
{
    private static readonly ProtocolJsonContext Json = ProtocolJsonContext.Default;
    private readonly JsonRpcConnection _client;
    private readonly FakeDaemon _daemon;

    public JsonRpcConnectionTests()
    {
        var (client, server) = DuplexStream.CreatePair();
        _client = new JsonRpcConnection(client);
        _daemon = new FakeDaemon(server);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Responses_AreMatchedToTheirRequests_WhateverTheOrder()
    {
        var first = _client.InvokeAsync(Methods.Shutdown, new EmptyParams(), Json.EmptyParams, Json.ShutdownResult, Token);
        var second = _client.InvokeAsync(Methods.Shutdown, new EmptyParams(), Json.EmptyParams, Json.ShutdownResult, Token);
        var a = await _daemon.ReceiveAsync();
        var b = await _daemon.ReceiveAsync();

        await _daemon.ReplyAsync(b.Id, "{\"pid\":2}");
        await _daemon.ReplyAsync(a.Id, "{\"pid\":1}");

        Assert.Equal(1, (await first).Pid);
        Assert.Equal(2, (await second).Pid);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public async Task Request_CarriesMethodAndCamelCaseParams()
    {
        var call = _client.InvokeAsync(Methods.Build, new BuildParams("/p", Wheel: true, Sdist: false), Json.BuildParams, Json.ShutdownResult, Token);
        var (id, method, parameters) = await _daemon.ReceiveAsync();
        await _daemon.ReplyAsync(id, "{\"pid\":1}");
        await call;

        Assert.Equal("build", method);
        Assert.Equal("/p", parameters.GetProperty("root").GetString());
        Assert.False(parameters.GetProperty("sdist").GetBoolean());
        Assert.False(parameters.TryGetProperty("outputDirectory", out _));
    }

    [Fact]
    public async Task ErrorResponse_BecomesJsonRpcException_WithCodeMessageAndData()
    {
        var call = _client.InvokeAsync(Methods.Initialize, new InitializeParams(1, "packd"), Json.InitializeParams, Json.InitializeResult, Token);
        var (id, _, _) = await _daemon.ReceiveAsync();

        await _daemon.FailAsync(id, ErrorCodes.ProtocolMismatch, "protocol 2 here", "{\"protocolVersion\":2,\"daemonVersion\":\"9.0.0\",\"daemonBuild\":\"9.0.0+abc\",\"pid\":77,\"startedAt\":\"2026-01-01T00:00:00Z\"}");

        var ex = await Assert.ThrowsAsync<JsonRpcException>(() => call);
        Assert.Equal(ErrorCodes.ProtocolMismatch, ex.Code);
        Assert.Equal("protocol 2 here", ex.Message);
        Assert.Equal(77, ex.ErrorData!.Value.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task Notifications_AreQueuedInOrder()
    {
        await _daemon.NotifyAsync(Methods.BuildStarted, "{\"root\":\"/p\",\"generation\":3,\"changedFiles\":1,\"trigger\":\"watch\"}");
        await _daemon.NotifyAsync(Methods.DiagnosticsChanged, "{\"root\":\"/p\",\"generation\":3,\"diagnostics\":[]}");

        var first = await _client.Notifications.ReadAsync(Token);
        var second = await _client.Notifications.ReadAsync(Token);

        Assert.Equal(Methods.BuildStarted, first.Method);
        Assert.Equal(3, first.Params.GetProperty("generation").GetInt64());
        Assert.Equal(Methods.DiagnosticsChanged, second.Method);
    }

    [Fact]
    public async Task DaemonHangingUp_FailsPendingRequests_AndCompletesNotifications()
    {
        var call = _client.InvokeAsync(Methods.Status, new EmptyParams(), Json.EmptyParams, Json.StatusResult, Token);
        await _daemon.ReceiveAsync();

        _daemon.HangUp();

        await Assert.ThrowsAsync<DaemonConnectionLostException>(() => call);
        await _client.Completion.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.False(await _client.Notifications.WaitToReadAsync(Token));
    }

    [Fact]
    public async Task BrokenFraming_ClosesTheConnection_AndFailsPendingRequests()
    {
        var call = _client.InvokeAsync(Methods.Status, new EmptyParams(), Json.EmptyParams, Json.StatusResult, Token);
        await _daemon.ReceiveAsync();

        await _daemon.SendRawAsync("Content-Type: text/plain\r\n\r\n{}");

        var ex = await Assert.ThrowsAsync<DaemonConnectionLostException>(() => call);
        Assert.Contains("Content-Length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAfterClose_FailsAtOnce()
    {
        _daemon.HangUp();
        await _client.Completion.WaitAsync(TimeSpan.FromSeconds(10), Token);

        await Assert.ThrowsAsync<DaemonConnectionLostException>(
            () => _client.InvokeAsync(Methods.Status, new EmptyParams(), Json.EmptyParams, Json.StatusResult, Token));
    }

    [Fact]
    public async Task RequestFromTheDaemon_IsAnsweredWithMethodNotFound()
    {
        await _daemon.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"client/doSomething\",\"params\":{}}");

        var reply = await _daemon.ReceiveRawAsync();

        Assert.Contains("-32601", reply, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _daemon.Dispose();
    }
}
