using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// A deliberately small JSON-RPC client over the daemon's socket, with LSP framing written by hand, so tests can also
/// send what a real client never would (garbage, huge headers) and see exactly what comes back.
/// </summary>
internal sealed class RpcTestClient : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private int _nextId;

    private RpcTestClient(Socket socket)
    {
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Notifications received while waiting for responses, in arrival order.</summary>
    public List<JsonElement> Notifications { get; } = [];

    public static async Task<RpcTestClient> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        return new RpcTestClient(socket);
    }

    public static byte[] Frame(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    public async Task SendRawAsync(byte[] bytes, CancellationToken cancellationToken) => await _stream.WriteAsync(bytes, cancellationToken);

    /// <summary>Sends a request without waiting for its answer; returns its id.</summary>
    public async Task<int> SendRequestAsync(string method, object parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        await SendRawAsync(Frame(json), cancellationToken);
        return id;
    }

    /// <summary>Sends a request and returns the whole response object (with <c>result</c> or <c>error</c>).</summary>
    public async Task<JsonElement> RequestAsync(string method, object parameters, CancellationToken cancellationToken)
    {
        var id = await SendRequestAsync(method, parameters, cancellationToken);
        while (true)
        {
            var message = await ReadMessageAsync(cancellationToken)
                ?? throw new IOException($"the daemon closed the connection instead of answering '{method}'.");
            if (message.TryGetProperty("id", out var responseId) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt32() == id)
            {
                return message;
            }

            Notifications.Add(message);
        }
    }

    public async Task<JsonElement> ResultAsync(string method, object parameters, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(method, parameters, cancellationToken);
        Assert.True(response.TryGetProperty("result", out var result), $"'{method}' failed: {response}");
        return result;
    }

    public async Task<int> ErrorCodeAsync(string method, object parameters, CancellationToken cancellationToken)
    {
        var response = await RequestAsync(method, parameters, cancellationToken);
        Assert.True(response.TryGetProperty("error", out var error), $"'{method}' did not fail: {response}");
        return error.GetProperty("code").GetInt32();
    }

    public Task<JsonElement> InitializeAsync(CancellationToken cancellationToken)
        => ResultAsync("initialize", new { protocolVersion = 1, clientName = "integration-tests" }, cancellationToken);

    /// <summary>The next notification <paramref name="method"/> whose params satisfy <paramref name="accept"/>, taken
    /// from those already buffered first; earlier non-matching notifications are dropped.</summary>
    public async Task<JsonElement> NextNotificationAsync(string method, Func<JsonElement, bool> accept, CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonElement message;
            if (Notifications.Count > 0)
            {
                message = Notifications[0];
                Notifications.RemoveAt(0);
            }
            else
            {
                message = await ReadMessageAsync(cancellationToken)
                    ?? throw new IOException($"the daemon closed the connection while a '{method}' notification was awaited.");
            }

            if (message.TryGetProperty("method", out var name) && name.GetString() == method
                && message.TryGetProperty("params", out var parameters) && accept(parameters))
            {
                return parameters;
            }
        }
    }

    /// <returns>The next message, or null when the daemon closed the connection.</returns>
    public async Task<JsonElement?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await ReadSomeAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            header.Append((char)one[0]);
        }

        var lengthLine = header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await ReadSomeAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    /// <summary>True when the daemon closed the connection without sending anything more.</summary>
    public async Task<bool> IsClosedByDaemonAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ReadMessageAsync(cancellationToken) is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    private async Task<int> ReadSomeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _stream.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return 0;
        }
    }
}
