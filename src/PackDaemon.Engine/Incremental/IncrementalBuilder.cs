using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;

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
    private readonly WorkerValueEvaluator _evaluator;
    /// <summary>Quiet time after a build before the cache is written: a burst of saves writes it once, after the last.</summary>
    private static readonly TimeSpan s_persistDelay = TimeSpan.FromMilliseconds(500);

    private Task? _persisting;
    private CancellationTokenSource? _persistDelay;
    private bool _disposed;

    /// <summary>Daemon use: the index and blobs persist in <c>.packd_cache/</c> under the root and warm-start the next
    /// daemon. Artifacts are renamed into place without an fsync unless <c>PACKD_FSYNC=1</c>
    /// (<see cref="Building.ArtifactDurability"/>): on every save that fsync was the largest single cost of a rebuild of
    /// a botocore-sized project (about 20 ms of 58 ms p50 for two 15-30 MB artifacts on this project's CI kind of VM),
    /// and it only guards against a machine crash: a killed daemon still leaves complete artifacts.</summary>
    public IncrementalBuilder(string projectRoot)
        : this(projectRoot, persistCache: true, durableArtifacts: Building.ArtifactDurability.Requested)
    {
    }

    /// <param name="persistCache">False keeps everything in memory only (tests, benchmarks).</param>
    /// <param name="durableArtifacts">Flush each artifact to disk before renaming it into place.</param>
    public IncrementalBuilder(string projectRoot, bool persistCache, bool durableArtifacts = false)
    {
        _state.DurableArtifacts = durableArtifacts;
        ArgumentNullException.ThrowIfNull(projectRoot);
        ProjectRoot = Path.GetFullPath(projectRoot);
        _evaluator = new WorkerValueEvaluator(ProjectRoot);
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

    /// <summary>How many values Python computed for hybrid builds (cache answers excluded).</summary>
    internal int Evaluations => _evaluator.Evaluations;

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hints);
        ObjectDisposedException.ThrowIf(_disposed, this);
        StopPersisting();

        _carried.UnionWith(hints.RelativePaths);
        var effective = _carryEverything || hints.Everything ? ChangeHints.All : ChangeHints.For([.. _carried]);
        _carryEverything |= hints.Everything;

        var result = BuildExecutor.Run(request, _state, effective, cancellationToken, _evaluator.For(request, cancellationToken));

        // Finished (successfully or with diagnostics): the hints are answered.
        _carried.Clear();
        _carryEverything = false;
        if (_store is not null && _state.Dirty)
        {
            // Persisted after the build and off its path, once the project has been quiet for a moment. Only this
            // task touches the state until the next build, which first cancels the wait or waits for the write.
            var delay = _persistDelay = new CancellationTokenSource();
            _persisting = Task.Run(
                async () =>
                {
                    await Task.Delay(s_persistDelay, delay.Token).ConfigureAwait(false);
                    Persist();
                },
                CancellationToken.None);
        }

        return result;
    }

    /// <summary>Writes the cache now if anything is unwritten (tests, benchmarks and shutdown).</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        StopPersisting();
        Persist();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        StopPersisting();
        Persist();
        _evaluator.Dispose();
        _disposed = true;
    }

    private void Persist()
    {
        if (_store is null || !_state.Dirty)
        {
            return;
        }

        try
        {
            _store.Save(CacheSnapshot.Of(_state));
            _state.Dirty = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that could not be written is only a slower next start; the artifacts are unaffected.
        }
    }

    /// <summary>Cancels a write still waiting for quiet, or waits for one already running.</summary>
    private void StopPersisting()
    {
        _persistDelay?.Cancel();
        var pending = _persisting;
        _persisting = null;
        try
        {
            pending?.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled while waiting for quiet: the state stays dirty and is written after a later build.
        }
        finally
        {
            _persistDelay?.Dispose();
            _persistDelay = null;
        }
    }
}
