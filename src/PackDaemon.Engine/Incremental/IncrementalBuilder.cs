using PackDaemon.Engine.Building;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Keeps one project's file index and compressed-blob cache between builds, so a rebuild re-reads and re-deflates
/// only what changed, and its output is byte for byte what a clean <see cref="ProjectBuilder.Build"/> gives.
/// Not thread-safe: its owner (a workspace) runs one build at a time.
/// </summary>
/// <remarks>
/// Hints of a build that did not finish (cancelled, or failed by an exception) are carried into the next one, so a
/// workspace that cancels a superseded build and passes only the newer hints loses nothing.
/// </remarks>
public sealed class IncrementalBuilder : IDisposable
{
    private readonly BuildState _state = new();
    private readonly CacheStore? _store;
    private readonly HashSet<string> _carried = new(StringComparer.Ordinal);
    private bool _carryEverything;
    private Task? _persisting;
    private bool _disposed;

    /// <summary>Daemon use: the index and blobs persist in <c>.packd_cache/</c> under the root and warm-start the next daemon.</summary>
    public IncrementalBuilder(string projectRoot)
        : this(projectRoot, persistCache: true)
    {
    }

    /// <param name="persistCache">False keeps everything in memory only (tests, benchmarks).</param>
    public IncrementalBuilder(string projectRoot, bool persistCache)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        ProjectRoot = Path.GetFullPath(projectRoot);
        if (persistCache)
        {
            _store = new CacheStore(ProjectRoot);
            _store.Load(_state);
        }
    }

    public string ProjectRoot { get; }

    /// <summary>What the last cache load found: null when there was nothing to load or persistence is off, otherwise
    /// "loaded" or why the cache was discarded.</summary>
    public string? CacheLoadOutcome => _store?.LoadOutcome;

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hints);
        ObjectDisposedException.ThrowIf(_disposed, this);
        WaitForPersist();

        _carried.UnionWith(hints.RelativePaths);
        var effective = _carryEverything || hints.Everything ? ChangeHints.All : ChangeHints.For([.. _carried]);
        _carryEverything |= hints.Everything;

        var result = BuildExecutor.Run(request, _state, effective, cancellationToken);

        // Finished (successfully or with diagnostics): the hints are answered.
        _carried.Clear();
        _carryEverything = false;
        if (_store is not null && _state.Dirty)
        {
            // Persisted after the build, off the build's path: the next build waits for it before touching the state.
            _state.Dirty = false;
            var snapshot = CacheSnapshot.Of(_state);
            _persisting = Task.Run(() => _store.Save(snapshot), CancellationToken.None);
        }

        return result;
    }

    /// <summary>Waits until the last build's cache write is on disk (tests and shutdown).</summary>
    public void Flush() => WaitForPersist();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        WaitForPersist();
    }

    private void WaitForPersist()
    {
        var pending = _persisting;
        _persisting = null;
        try
        {
            pending?.Wait();
        }
        catch (AggregateException)
        {
            // A cache that could not be written is only a slower next start; the artifacts are unaffected.
        }
    }
}
