using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Logging;
using StreamJsonRpc;

namespace PackDaemon.Daemon.Connections;

/// <summary>
/// One accepted client: its peer, its handshake state, the workspaces it subscribed to, and an outbox for
/// notifications. The engine raises build events on its own threads; they only enqueue here, and one pump per
/// connection writes them, so a slow or dead client can neither block a build nor other clients.
/// </summary>
internal sealed class DaemonConnection(long id, PeerCredentials peer, ILogger logger)
{
    /// <summary>A client that lets this many notifications pile up is not reading; it is dropped rather than letting
    /// the daemon's memory grow without bound.</summary>
    private const int OutboxCapacity = 1024;

    private readonly ConcurrentDictionary<string, byte> _subscriptions = new(StringComparer.Ordinal);
    private readonly Channel<(string Method, object Payload)> _outbox = Channel.CreateBounded<(string, object)>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private volatile bool _initialized;
    private JsonRpc? _rpc;

    public long Id => id;

    public PeerCredentials Peer => peer;

    public bool IsInitialized => _initialized;

    public JsonRpc Rpc => _rpc ?? throw new InvalidOperationException("connection not attached");

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    public void MarkInitialized() => _initialized = true;

    public void Subscribe(string root) => _subscriptions[root] = 0;

    public void Unsubscribe(string root) => _subscriptions.TryRemove(root, out _);

    public bool IsSubscribed(string root) => _subscriptions.ContainsKey(root);

    /// <summary>Queues a notification; never blocks and never throws.</summary>
    public void Notify(string method, object payload)
    {
        if (!_outbox.Writer.TryWrite((method, payload)) && _outbox.Writer.TryComplete())
        {
            DaemonLog.SlowConsumer(logger, id);
            _rpc?.Dispose();
        }
    }

    /// <summary>Writes queued notifications until the connection closes.</summary>
    public async Task PumpNotificationsAsync()
    {
        await foreach (var (method, payload) in _outbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await Rpc.NotifyWithParameterObjectAsync(method, payload).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException)
            {
                return;
            }
#pragma warning disable CA1031 // a notification that cannot be written must not end the pump's caller (the connection's task)
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DaemonLog.NotifyFailed(logger, id, ex);
            }
        }
    }

    public void Close() => _outbox.Writer.TryComplete();
}
