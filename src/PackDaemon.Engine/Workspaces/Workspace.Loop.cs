using System.Threading.Channels;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Watching;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Workspaces;

/// <summary>The build loop: one job at a time, and how each one ends (finished, cancelled or superseded).</summary>
public sealed partial class Workspace
{
    private async Task RunLoopAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            _wake.Reader.TryRead(out _);
            if (TakeNextJob() is { } job)
            {
                await RunJobAsync(job).ConfigureAwait(false);
                continue;
            }

            try
            {
                await _wake.Reader.WaitToReadAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        List<BuildJob> abandoned;
        lock (_lock)
        {
            abandoned = [.. _queuedRequests];
            _queuedRequests.Clear();
        }

        foreach (var job in abandoned)
        {
            job.Completion.TrySetException(new ObjectDisposedException(nameof(Workspace), "The workspace was closed before the build ran."));
        }
    }

    private BuildJob? TakeNextJob()
    {
        lock (_lock)
        {
            BuildJob job;
            if (_queuedRequests.Count > 0)
            {
                job = _queuedRequests[0];
                _queuedRequests.RemoveAt(0);
            }
            else if (_options.AutoBuild && _started && !_ready.IsEmpty)
            {
                job = new BuildJob(BuildJob.WatchTrigger, DefaultRequest(), CancellationToken.None);
            }
            else
            {
                return null;
            }

            job.Hints = _ready.TakeAll();
            if (_reconcileEverythingNext || !_watch.IsWatching)
            {
                // First build, after a crash, or nothing watching the tree: no hint can be trusted to be complete.
                job.Hints.AddEverything();
            }

            job.Cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, job.CallerToken);
            _running = job;
            return job;
        }
    }

    private async Task RunJobAsync(BuildJob job)
    {
        var cancellation = job.Cancellation!;
        SafeEvents.Raise(BuildStarted, new WorkspaceBuildStarted(Root, Interlocked.Read(ref _generation), job.Hints.Count, job.Trigger));
        IncrementalBuildResult outcome;
        var crashed = false;
        try
        {
            var hints = job.Hints.ToChangeHints();
            outcome = await Task.Run(() => _builder.Build(job.Request, hints, cancellation.Token), cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            EndCancelled(job);
            return;
        }
#pragma warning disable CA1031 // A builder bug must become a failed build, never a dead loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            outcome = BuildCrash.ToResult(ex);
            crashed = true;
        }

        if (!crashed && job.IsWatch && OnlyTreeKeptChanging(outcome.Result) && MoreChangesWaiting())
        {
            // The tree kept moving under every attempt and the watcher already holds what moved it: that batch's build
            // answers this one's hints too, so this is superseded, not a failure to report (a checkout or generator
            // burst otherwise flashes a "kept changing" error in every editor).
            EndSuperseded(job);
            return;
        }

        WorkspaceBuild build;
        bool diagnosticsChanged;
        lock (_lock)
        {
            _running = null;
            // After a crash the builder's index cannot be trusted; the next build reconciles everything, which also
            // covers this build's hints.
            _reconcileEverythingNext = crashed;
            if (!crashed && (outcome.ChangedFiles > 0 || !_anyBuildCounted))
            {
                _anyBuildCounted = true;
                Interlocked.Increment(ref _generation);
            }

            build = new WorkspaceBuild(Root, _generation, job.Trigger, outcome, _time.GetUtcNow());
            diagnosticsChanged = _lastBuild is null || !_diagnostics.SequenceEqual(outcome.Result.Diagnostics);
            _lastBuild = build;
            _diagnostics = outcome.Result.Diagnostics;
            _supersededInARow = 0;
            _keptMovingInARow = 0;
        }

        cancellation.Dispose();
        SafeEvents.Raise(BuildFinished, build);
        if (diagnosticsChanged)
        {
            SafeEvents.Raise(DiagnosticsChanged, Snapshot());
        }

        job.Completion.TrySetResult(build);
    }

    /// <summary>True, and counted, when the watcher holds newer hints and <see cref="MaxKeptMovingInARow"/> allows one
    /// more (so a file written without pause still ends in a reported build).</summary>
    private bool MoreChangesWaiting()
    {
        lock (_lock)
        {
            if ((_settle.IsSettling || !_ready.IsEmpty) && _keptMovingInARow < MaxKeptMovingInARow)
            {
                _keptMovingInARow++;
                return true;
            }

            return false;
        }
    }

    /// <summary>Hands a superseded build's hints to the batch that superseded it: straight into the ready batch when
    /// that has settled, else back into the settle window, so they wait for the same quiet instead of rebuilding now.</summary>
    private void EndSuperseded(BuildJob job)
    {
        lock (_lock)
        {
            if (_ready.IsEmpty)
            {
                // Inside the lock, before the job stops counting as running: nothing sees the workspace settling with
                // these hints missing. (The window only arms its timer here; its callback takes the lock later.)
                var hints = job.Hints.ToChangeHints();
                if (hints.Everything)
                {
                    _settle.AddEverything();
                }

                foreach (var path in hints.RelativePaths)
                {
                    _settle.Add(path);
                }
            }
            else
            {
                _ready.MergeFrom(job.Hints);
            }

            _running = null;
        }

        job.Cancellation!.Dispose();
        job.Completion.TrySetResult(null);
    }

    private static bool OnlyTreeKeptChanging(Building.BuildResult result)
        => !result.Succeeded && result.Diagnostics.Where(d => d.Severity == Packaging.Diagnostics.DiagnosticSeverity.Error)
            .All(d => d.Code == Packaging.Diagnostics.DiagnosticCodes.TreeChangedDuringBuild);

    private void EndCancelled(BuildJob job)
    {
        lock (_lock)
        {
            _running = null;
            // Never lose a cancelled build's hints: the next build reconciles them with whatever superseded it.
            _ready.MergeFrom(job.Hints);
        }

        job.Cancellation!.Dispose();
        if (job.CallerToken.IsCancellationRequested)
        {
            job.Completion.TrySetCanceled(job.CallerToken);
        }
        else if (job.IsWatch)
        {
            job.Completion.TrySetResult(null);
        }
        else
        {
            job.Completion.TrySetException(new ObjectDisposedException(nameof(Workspace), "The workspace was closed during the build."));
        }
    }
}
