using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace PackDaemon.Cli.Daemon;

/// <summary>
/// A JSON-RPC 2.0 client over one duplex stream: requests get increasing ids and await the response with that id;
/// notifications are queued on <see cref="Notifications"/>. A single read loop owns the stream's read side; when it
/// ends (peer closed, broken framing), every pending request fails with <see cref="DaemonConnectionLostException"/>.
/// </summary>
internal sealed class JsonRpcConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly FrameReader _reader;
    private readonly FrameWriter _writer;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Channel<JsonRpcNotification> _notifications = Channel.CreateUnbounded<JsonRpcNotification>(
        new UnboundedChannelOptions { SingleWriter = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readLoop;
    private long _nextId;
    private volatile Exception? _closedBecause;

    public JsonRpcConnection(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _reader = new FrameReader(stream);
        _writer = new FrameWriter(stream);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Notifications in arrival order; the channel completes when the connection closes.</summary>
    public ChannelReader<JsonRpcNotification> Notifications => _notifications.Reader;

    /// <summary>Completes when the connection has closed, for whatever reason.</summary>
    public Task Completion => _readLoop;

    /// <exception cref="JsonRpcException">The daemon answered with an error.</exception>
    /// <exception cref="DaemonConnectionLostException">The connection closed before the answer.</exception>
    public async Task<TResult> InvokeAsync<TParams, TResult>(
        string method,
        TParams parameters,
        JsonTypeInfo<TParams> parametersType,
        JsonTypeInfo<TResult> resultType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resultType);
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            // Registered before the check so a close racing with this call still fails the request.
            if (_closedBecause is { } closed)
            {
                throw Lost(closed);
            }

            var frame = JsonRpcOutgoing.Request(id, method, parameters, parametersType);
            try
            {
                await _writer.WriteFrameAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw Lost(ex);
            }

            var result = await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return result.Deserialize(resultType)
                ?? throw new JsonRpcException(-32603, $"the daemon answered '{method}' with a null result.", null);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Expected: we stopped it.
        }

        _writer.Dispose();
        _stop.Dispose();
    }

    private static DaemonConnectionLostException Lost(Exception reason) => reason as DaemonConnectionLostException
        ?? new DaemonConnectionLostException("the connection to the daemon closed: " + reason.Message, reason);

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private async Task ReadLoopAsync()
    {
        Exception reason = new DaemonConnectionLostException("the daemon closed the connection.");
        try
        {
            while (await _reader.ReadFrameAsync(_stop.Token).ConfigureAwait(false) is { } frame)
            {
                await DispatchAsync(JsonRpcIncoming.Parse(frame)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            reason = new DaemonConnectionLostException("the connection was closed by packd.");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            reason = ex;
        }
        finally
        {
            _closedBecause = reason;
            foreach (var (_, pending) in _pending)
            {
                pending.TrySetException(Lost(reason));
            }

            _notifications.Writer.TryComplete();
        }
    }

    private async Task DispatchAsync(JsonRpcIncoming message)
    {
        if (message.Method is { } method)
        {
            if (message.Id is { } requestId)
            {
                await _writer.WriteFrameAsync(JsonRpcOutgoing.MethodNotFound(requestId, method), _stop.Token).ConfigureAwait(false);
                return;
            }

            var parameters = message.Params ?? EmptyObject();
            _notifications.Writer.TryWrite(new JsonRpcNotification(method, parameters));
            return;
        }

        // A response to a request that was cancelled meanwhile has no taker; dropping it is correct.
        if (message.Id is { } id && _pending.TryGetValue(id, out var answer))
        {
            if (message.Error is { } error)
            {
                answer.TrySetException(error);
            }
            else if (message.Result is { } result)
            {
                answer.TrySetResult(result);
            }
            else
            {
                answer.TrySetException(new JsonRpcException(-32603, "the daemon sent a response with neither a result nor an error.", null));
            }
        }
    }
}
