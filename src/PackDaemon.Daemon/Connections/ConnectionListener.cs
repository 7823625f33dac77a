using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Hosting;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Rpc;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Connections;

/// <summary>
/// Accepts connections on the daemon's socket. Each one is checked with SO_PEERCRED before a byte is read, then
/// served by its own JsonRpc until it closes; whatever a connection does (garbage, a huge frame, vanishing mid-build)
/// ends that connection only.
/// </summary>
internal sealed class ConnectionListener(
    DaemonSocket socket,
    DaemonContext daemon,
    ILogger<ConnectionListener> logger) : BackgroundService
{
    /// <summary>How long a stopping daemon lets requests in flight write their answers before closing connections.</summary>
    private static readonly TimeSpan s_answerGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<long, Task> _serving = new();
    private readonly uint _ownUid = UnixFileStatus.CurrentUid;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        socket.Listener.Dispose();
        foreach (var connection in daemon.Connections.All)
        {
            await Task.WhenAny(connection.Rpc.DispatchCompletion, Task.Delay(s_answerGrace, cancellationToken)).ConfigureAwait(false);
            connection.Rpc.Dispose();
        }

        await Task.WhenAll(_serving.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.Listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                DaemonLog.AcceptFailed(logger, ex);
                continue;
            }

            var id = daemon.Connections.NextId();
            _serving[id] = Task.Run(async () =>
            {
                await ServeAsync(id, client).ConfigureAwait(false);
                _serving.TryRemove(id, out _);
            }, CancellationToken.None);
        }
    }

    private async Task ServeAsync(long id, Socket client)
    {
        PeerCredentials peer;
        try
        {
            peer = PeerCredentials.Read(client);
        }
        catch (SocketException ex)
        {
            DaemonLog.PeerUnknown(logger, ex);
            client.Dispose();
            return;
        }

        if (peer.Uid != _ownUid)
        {
            DaemonLog.PeerRefused(logger, peer.Uid, peer.Pid, _ownUid);
            client.Dispose();
            return;
        }

        var connection = new DaemonConnection(id, peer, logger);
        var stream = new NetworkStream(client, ownsSocket: true);
        using var rpc = RpcConnectionFactory.Create(stream, new DaemonRpcTarget(connection, daemon));
        connection.Attach(rpc);
        rpc.Disconnected += (_, e) => DaemonLog.ConnectionClosed(logger, id, e.Reason.ToString(), e.Description);
        daemon.Connections.Add(connection);
        DaemonLog.ConnectionOpened(logger, id, peer.Pid);
        try
        {
            rpc.StartListening();
            var pump = connection.PumpNotificationsAsync();
            await rpc.Completion.ConfigureAwait(false);
            connection.Close();
            await pump.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Completion faults with whatever broke the stream (bad JSON, a frame over the limit,
        // a reset): that ends this connection only, never the daemon, and the reason is already logged by Disconnected.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            connection.Close();
            daemon.Connections.Remove(connection);
            daemon.Registry.ReleaseAll(id);
        }
    }
}
