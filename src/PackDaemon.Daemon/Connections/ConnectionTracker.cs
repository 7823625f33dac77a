using System.Collections.Concurrent;

namespace PackDaemon.Daemon.Connections;

/// <summary>The live connections: counted for <c>status</c> and the idle rule, walked to deliver notifications.</summary>
internal sealed class ConnectionTracker
{
    private readonly ConcurrentDictionary<long, DaemonConnection> _connections = new();
    private long _lastId;

    public int Count => _connections.Count;

    public long NextId() => Interlocked.Increment(ref _lastId);

    public void Add(DaemonConnection connection) => _connections[connection.Id] = connection;

    public void Remove(DaemonConnection connection) => _connections.TryRemove(connection.Id, out _);

    public IEnumerable<DaemonConnection> All => _connections.Values;
}
