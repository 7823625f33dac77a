using System.Text;
using System.Text.Json;
using PackDaemon.Cli.Daemon;

namespace PackDaemon.Packaging.Tests.Cli;

/// <summary>The server end of a test connection: reads requests and lets the test answer them in any order, send
/// notifications or raw bytes, and hang up.</summary>
internal sealed class FakeDaemon(Stream stream) : IDisposable
{
    private readonly FrameReader _reader = new(stream);
    private readonly FrameWriter _writer = new(stream);

    /// <returns>The request's id and method.</returns>
    public async Task<(long Id, string Method, JsonElement Params)> ReceiveAsync()
    {
        var frame = await _reader.ReadFrameAsync(CancellationToken.None) ?? throw new InvalidOperationException("client hung up");
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        return (root.GetProperty("id").GetInt64(), root.GetProperty("method").GetString()!, root.GetProperty("params").Clone());
    }

    public async Task<string> ReceiveRawAsync()
    {
        var frame = await _reader.ReadFrameAsync(CancellationToken.None) ?? throw new InvalidOperationException("client hung up");
        return Encoding.UTF8.GetString(frame);
    }

    public Task ReplyAsync(long id, string resultJson) => SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{resultJson}}}");

    public Task FailAsync(long id, int code, string message, string? dataJson = null)
    {
        var data = dataJson is null ? string.Empty : ",\"data\":" + dataJson;
        return SendAsync($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":{code},\"message\":\"{message}\"{data}}}}}");
    }

    public Task NotifyAsync(string method, string paramsJson) => SendAsync($"{{\"jsonrpc\":\"2.0\",\"method\":\"{method}\",\"params\":{paramsJson}}}");

    public Task SendAsync(string json) => _writer.WriteFrameAsync(Encoding.UTF8.GetBytes(json), CancellationToken.None);

    public async Task SendRawAsync(string bytes)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(bytes));
        await stream.FlushAsync();
    }

    public void HangUp() => stream.Dispose();

    public void Dispose()
    {
        _writer.Dispose();
        stream.Dispose();
    }
}
