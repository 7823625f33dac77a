using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Daemon.Workspaces;

/// <summary>
/// The open workspaces, keyed by full root path, each with the set of holders that keep it open. A released workspace
/// is not closed at once: it stays watched (and its caches warm) for the keep-alive, because the next <c>packd build</c>
/// of the same project usually comes minutes later. Time comes from the injected <see cref="TimeProvider"/> so the
/// keep-alive is testable without waiting.
/// </summary>
internal sealed class WorkspaceRegistry(TimeProvider time, TimeSpan keepAlive, Func<string, Workspace> createWorkspace) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WorkspaceEntry> _entries = new(StringComparer.Ordinal);
    private long _nextLeaseId;

    /// <summary>Raised once per new workspace, before it starts, so notifications see its first build.</summary>
    public event Action<WorkspaceEntry>? Added;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>A holder id for one call that is not a connection (a <c>build</c> of an unopened root).</summary>
    public long NewLeaseId() => Interlocked.Decrement(ref _nextLeaseId);

    /// <summary>Opens <paramref name="root"/> (already normalized) if needed and records <paramref name="holderId"/>.</summary>
    public WorkspaceEntry Acquire(string root, long holderId)
    {
        WorkspaceEntry entry;
        bool created = false;
        lock (_gate)
        {
            if (!_entries.TryGetValue(root, out entry!))
            {
                entry = new WorkspaceEntry(createWorkspace(root));
                _entries.Add(root, entry);
                created = true;
            }

            if (entry.HolderIds.Add(holderId))
            {
                entry.Holders = entry.HolderIds.Count;
            }

            entry.KeepAliveUntil = null;
        }

        if (created)
        {
            Added?.Invoke(entry);
            entry.Workspace.Start();
        }

        return entry;
    }

    /// <summary>The open workspace of <paramref name="root"/> (a full path), or null.</summary>
    public WorkspaceEntry? Find(string root)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault(root);
        }
    }

    public bool IsHeldBy(string root, long holderId)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(root, out var entry) && entry.HolderIds.Contains(holderId);
        }
    }

    public void Release(string root, long holderId)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(root, out var entry))
            {
                ReleaseLocked(entry, holderId);
            }
        }
    }

    /// <summary>Drops every hold of a connection that went away.</summary>
    public void ReleaseAll(long holderId)
    {
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                ReleaseLocked(entry, holderId);
            }
        }
    }

    public IReadOnlyList<WorkspaceEntry> Entries()
    {
        lock (_gate)
        {
            return [.. _entries.Values.OrderBy(e => e.Root, StringComparer.Ordinal)];
        }
    }

    /// <summary>Closes the unheld workspaces whose keep-alive has passed.</summary>
    /// <returns>The roots closed.</returns>
    public async Task<IReadOnlyList<string>> CloseExpiredAsync()
    {
        var now = time.GetUtcNow();
        List<WorkspaceEntry> expired = [];
        lock (_gate)
        {
            foreach (var entry in _entries.Values)
            {
                if (entry.HolderIds.Count == 0 && entry.KeepAliveUntil <= now)
                {
                    expired.Add(entry);
                }
            }

            foreach (var entry in expired)
            {
                _entries.Remove(entry.Root);
            }
        }

        foreach (var entry in expired)
        {
            await entry.Workspace.DisposeAsync().ConfigureAwait(false);
        }

        return [.. expired.Select(e => e.Root)];
    }

    public async ValueTask DisposeAsync()
    {
        WorkspaceEntry[] all;
        lock (_gate)
        {
            all = [.. _entries.Values];
            _entries.Clear();
        }

        foreach (var entry in all)
        {
            await entry.Workspace.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void ReleaseLocked(WorkspaceEntry entry, long holderId)
    {
        if (entry.HolderIds.Remove(holderId))
        {
            entry.Holders = entry.HolderIds.Count;
            if (entry.Holders == 0)
            {
                entry.KeepAliveUntil = time.GetUtcNow() + keepAlive;
            }
        }
    }
}
