using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Lsp.Messages;

namespace PackDaemon.Cli.Lsp;

/// <summary>Writes JSON-RPC messages to the editor (stdout), one Content-Length frame each. The daemon's notification
/// pump and the request loop both write; <see cref="FrameWriter"/> serialises them so frames never interleave.</summary>
internal sealed class LspOutput : IDisposable
{
    private readonly FrameWriter _writer;
    private long _nextRequestId;

    public LspOutput(Stream stream) => _writer = new FrameWriter(stream);

    public Task RespondAsync<T>(JsonElement id, T result, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        => WriteAsync(writer =>
        {
            WriteHead(writer, id);
            writer.WritePropertyName("result");
            JsonSerializer.Serialize(writer, result, type);
        }, cancellationToken);

    /// <summary>A null result: "no hover here", and the answer to <c>shutdown</c>.</summary>
    public Task RespondNullAsync(JsonElement id, CancellationToken cancellationToken)
        => WriteAsync(writer =>
        {
            WriteHead(writer, id);
            writer.WriteNull("result");
        }, cancellationToken);

    public Task RespondErrorAsync(JsonElement id, int code, string message, CancellationToken cancellationToken)
        => WriteAsync(writer =>
        {
            WriteHead(writer, id);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }, cancellationToken);

    public Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        => WriteAsync(writer =>
        {
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, type);
        }, cancellationToken);

    /// <summary>A request to the editor without parameters (<c>workspace/codeLens/refresh</c>). Its answer is not
    /// awaited: the read loop drops responses, since nothing packd asks for changes what it does next.</summary>
    public Task RequestAsync(string method, CancellationToken cancellationToken)
        => WriteAsync(writer =>
        {
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("id", "packd-" + Interlocked.Increment(ref _nextRequestId).ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("method", method);
        }, cancellationToken);

    /// <summary>A log line the editor shows in its LSP log (stderr would work too, but not every editor keeps it).</summary>
    public Task LogAsync(string message, CancellationToken cancellationToken)
        => NotifyAsync("window/logMessage", new LspMessageParams(4, message), LspJsonContext.Default.LspMessageParams, cancellationToken);

    /// <summary>A message the user sees: a daemon that cannot be reached is worth interrupting for.</summary>
    public Task ShowErrorAsync(string message, CancellationToken cancellationToken)
        => NotifyAsync("window/showMessage", new LspMessageParams(1, message), LspJsonContext.Default.LspMessageParams, cancellationToken);

    public void Dispose() => _writer.Dispose();

    private static void WriteHead(Utf8JsonWriter writer, JsonElement id)
    {
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        id.WriteTo(writer);
    }

    private async Task WriteAsync(Action<Utf8JsonWriter> body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        await _writer.WriteFrameAsync(buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
