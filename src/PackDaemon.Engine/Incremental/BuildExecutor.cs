using System.Collections.Concurrent;
using System.Diagnostics;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// The one build path, clean or incremental: reconcile the hints against the index, load and select only when their
/// inputs moved, read only what the cache cannot answer, assemble from cached blobs and segments, check the inputs
/// did not move meanwhile, and rename into place. A clean build is this with an empty state and "everything" as the
/// hint (design.md: "It is the same code, not a second path").
/// </summary>
internal static partial class BuildExecutor
{
    /// <summary>Builds of a tree that keeps moving under them before giving up (each retry re-reads what moved).</summary>
    private const int MaxAttempts = 3;

    /// <param name="evaluator">Asked for values the backend computes by running project code (hybrid builds).</param>
    public static IncrementalBuildResult Run(BuildRequest request, BuildState state, ChangeHints hints, CancellationToken cancellationToken,
        IValueEvaluator? evaluator = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hints);
        var total = Stopwatch.StartNew();
        long reconcileMs = 0;
        int changedFiles = 0;
        for (int attempt = 1; ; attempt++)
        {
            var (result, moved) = RunOnce(request, state, hints, attempt == MaxAttempts, total, evaluator, cancellationToken);
            reconcileMs += result.ReconcileMs;
            changedFiles += result.ChangedFiles;
            if (moved is null)
            {
                var evaluations = result.Result.Succeeded ? state.Project?.Evaluations ?? [] : [];
                return result with { ReconcileMs = reconcileMs, ChangedFiles = changedFiles, Result = result.Result with { Evaluations = evaluations } };
            }

            // The retry checks again everything this attempt relied on, not just what moved: a file that was verified
            // now but is used from the cache by the retry could change while the retry reads the others.
            hints = hints.Everything ? ChangeHints.All : ChangeHints.For([.. hints.RelativePaths.Union(moved, StringComparer.Ordinal)]);
        }
    }

    private static (IncrementalBuildResult Result, List<string>? Moved) RunOnce(
        BuildRequest request, BuildState state, ChangeHints hints, bool lastAttempt, Stopwatch total, IValueEvaluator? evaluator,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new DiagnosticBag();
        var phase = Stopwatch.StartNew();
        string root = Path.GetFullPath(request.ProjectRoot);
        bool full = !state.IsWarm || hints.Everything;
        var plan = full
            ? new ReconcileOutcome(true, true, new HashSet<string>(), [], 0, new Dictionary<string, IndexedFile?>())
            : HintReconciler.Reconcile(state, root, request.OutputDirectory, hints);
        long reconcileMs = Lap(phase);
        var timings = new Timings(total, reconcileMs);
        cancellationToken.ThrowIfCancellationRequested();

        var project = state.Project;
        if (plan.Reload)
        {
            var loadDiagnostics = new DiagnosticBag();
            project = ProjectLoader.Load(root, loadDiagnostics, evaluator);
            diagnostics.AddRange(loadDiagnostics.Items);
            if (project is null || loadDiagnostics.HasErrors)
            {
                state.Invalidate();
                return (Failed(diagnostics, timings with { LoadMs = Lap(phase) }, plan), null);
            }

            state.ProjectDiagnostics = loadDiagnostics.Items;
            if (!plan.Reselect && !SameSelectionOptions(state.Project!.Selection, project.Selection))
            {
                plan = plan with { Reselect = true };
            }
        }
        else
        {
            diagnostics.AddRange(state.ProjectDiagnostics);
        }

        timings = timings with { LoadMs = Lap(phase) };
        cancellationToken.ThrowIfCancellationRequested();

        var selection = state.Selection;
        if (plan.Reselect)
        {
            var selectDiagnostics = new DiagnosticBag();
            selection = FileSelector.Select(project!.Selection, selectDiagnostics);
            HardLinkCheck.CheckSelected(selection, Statx.EffectiveUserId, selectDiagnostics);
            diagnostics.AddRange(selectDiagnostics.Items);
            if (selectDiagnostics.HasErrors)
            {
                state.Invalidate();
                return (Failed(diagnostics, timings with { SelectMs = Lap(phase) }, plan), null);
            }

            state.SelectionDiagnostics = selectDiagnostics.Items;
        }
        else
        {
            diagnostics.AddRange(state.SelectionDiagnostics);
        }

        timings = timings with { SelectMs = Lap(phase) };
        cancellationToken.ThrowIfCancellationRequested();

        var timestamp = ReproducibleClock.FromSourceDateEpoch(request.SourceDateEpoch, diagnostics);
        bool sameRequest = Equals(state.PreparedFor, request);
        var work = plan.Reload || plan.Reselect || !sameRequest
            ? WorkPlanner.AllSelected(request, project!, selection!, state, plan.Suspects, SdistWriter.TarMtime(timestamp), full && state.Files.Count > 0, plan.Reselect, cancellationToken)
            : WorkPlanner.SuspectsOnly(request, project!, state, plan.Suspects);
        var guard = new SecretsGuard(project!.Selection.SecretsAllow);
        // A file that vanished before its read (vim's backup file~) sends the build round again: nothing was adopted yet.
        var vanished = new ConcurrentQueue<string>();
        var loaded = ContentLoader.Load(work, state, timestamp, guard, diagnostics, cancellationToken, lastAttempt ? null : vanished);
        if (!vanished.IsEmpty)
        {
            return (Failed(diagnostics, timings, plan), [.. vanished]);
        }

        // From here on the state takes what was read and reconciled, with no cancellation point until the project and
        // selection it belongs to are adopted too: a cancelled build leaves the state as the previous build left it.
        bool wasInSync = state.PublishedInSync;
        ApplyInputUpdates(state, plan);
        ContentLoader.Merge(state, loaded);
        if (loaded.Count > 0 || plan.InputUpdates.Count > 0)
        {
            // Back in sync only once a build publishes what the index now says.
            state.PublishedInSync = false;
        }

        int changedFiles = plan.ChangedInputs + loaded.Count(l => l.ContentChanged);
        timings = timings with { ReadMs = Lap(phase) };
        if (diagnostics.HasErrors)
        {
            state.Invalidate();
            return (Failed(diagnostics, timings, plan, changedFiles), null);
        }

        if (plan.Reselect || plan.Reload)
        {
            AdoptSelection(state, project, selection!, plan.UnknownFiles);
        }

        state.Project = project;
        state.Selection = selection;
        state.PreparedFor = request;
        SweepBlobs(state, request, project, selection!);

        SecretReports.Report(request, state, project, guard, diagnostics);
        if (diagnostics.HasErrors)
        {
            return (Failed(diagnostics, timings, plan, changedFiles), null);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (wasInSync && NothingToDo(request, state, plan, sameRequest, loaded) is { } current)
        {
            state.PublishedInSync = wasInSync;
            var upToDate = new BuildResult(true, current, diagnostics.Sorted(), selection!.Packages, timings.ToPhaseTimings());
            return (new IncrementalBuildResult(upToDate, changedFiles, [], true, timings.ReconcileMs), null);
        }

        var verified = state.OneShot ? [] : InputsToVerify(state, root, hints, loaded);
        return Publish(request, state, project, selection!, timestamp, verified, loaded, changedFiles, plan, timings, diagnostics, lastAttempt, wasInSync, cancellationToken);
    }

    /// <summary>
    /// The trip ends here when the hints changed nothing: no walk, no load, every re-read file hashed as before, the same
    /// request, and the published artifacts still on disk as written. Returns their infos (not rewritten), or null.
    /// Asked only while the published artifacts describe the index: after a failed publish (a full disk) the index
    /// holds new content and the disk old artifacts, which "up to date" would report as this build's success.
    /// </summary>
    private static List<ArtifactInfo>? NothingToDo(BuildRequest request, BuildState state, ReconcileOutcome plan, bool sameRequest, IReadOnlyList<LoadedContent> loaded)
    {
        if (plan.Reload || plan.Reselect || !sameRequest || !request.WriteArtifacts || !Equals(state.PublishedFor, request))
        {
            return null;
        }

        foreach (var content in loaded)
        {
            if (content.ContentChanged || content.Segment is not null || content.WheelBlob is not null)
            {
                return null;
            }
        }

        var current = new List<ArtifactInfo>(2);
        foreach (var kind in (string[])[WheelKind, SdistKind])
        {
            bool wanted = kind == WheelKind ? request.Wheel : request.Sdist;
            if (!wanted)
            {
                continue;
            }

            if (!state.Published.TryGetValue(kind, out var published)
                || FileStatus.Stat(published.Path, out var stamp) != FileStatus.Kind.File
                || stamp != published.Stamp)
            {
                return null;
            }

            current.Add(published.Info with { Milliseconds = 0, Rewritten = false });
        }

        return current;
    }

    private static void ApplyInputUpdates(BuildState state, ReconcileOutcome plan)
    {
        foreach (var (path, entry) in plan.InputUpdates)
        {
            if (entry is null)
            {
                state.Files.Remove(path);
            }
            else
            {
                state.Files[path] = entry;
            }

            state.KnownUnselected.Clear();
            state.Dirty = true;
        }
    }

    private static bool SameSelectionOptions(SelectionOptions a, SelectionOptions b)
        => a.ProjectRoot == b.ProjectRoot
            && a.ImportName == b.ImportName
            && a.ExplicitPackages.SequenceEqual(b.ExplicitPackages)
            && a.Include.SequenceEqual(b.Include)
            && a.Exclude.SequenceEqual(b.Exclude)
            && a.SdistRequiredFiles.SequenceEqual(b.SdistRequiredFiles)
            && a.SecretsAllow.SequenceEqual(b.SecretsAllow)
            && a.ReadmeAndLicenseFiles.SequenceEqual(b.ReadmeAndLicenseFiles)
            && Equals(a.Backend, b.Backend);

    /// <summary>After a walk: forget index entries of files no longer selected (but keep the inputs the hints are
    /// checked against), and remember hinted files the walk did not select.</summary>
    private static void AdoptSelection(BuildState state, LoadedProject project, FileSelection selection, IReadOnlyList<string> unknownFiles)
    {
        var keep = new HashSet<string>(project.MetadataInputs.Concat(project.EvaluationInputs), StringComparer.Ordinal) { "pyproject.toml" };
        foreach (var file in selection.Sdist)
        {
            keep.Add(file.Source.RelativePath);
        }

        foreach (var file in selection.Wheel)
        {
            keep.Add(file.Source.RelativePath);
        }

        foreach (var path in state.Files.Keys.ToList())
        {
            if (!keep.Contains(path) && !HintReconciler.IsSelectionInput(path))
            {
                state.Files.Remove(path);
                state.FilesWithFindings.Remove(path);
                state.Dirty = true;
            }
        }

        foreach (var path in unknownFiles)
        {
            if (!keep.Contains(path))
            {
                state.KnownUnselected.Add(path);
            }
        }
    }

    /// <summary>Drops wheel blobs no selected file uses any more (earlier versions of edited files), once they are a
    /// quarter more than the live ones, so the cache does not grow with every save.</summary>
    private static void SweepBlobs(BuildState state, BuildRequest request, LoadedProject project, FileSelection selection)
    {
        int needed = selection.Wheel.Count + project.LicenseFiles.Count;
        if (state.Blobs.Count <= needed + (needed / 4) + 64)
        {
            return;
        }

        var live = new HashSet<BlobKey>();
        if (request.Wheel)
        {
            foreach (var file in selection.Wheel)
            {
                live.Add(BlobKey.For(state.Files[file.Source.RelativePath].Sha256, file.ArchivePath, file.Rewrite));
            }

            foreach (var license in project.LicenseFiles)
            {
                live.Add(BlobKey.For(state.Files[license].Sha256, license));
            }
        }

        state.Sweep(live);
        state.Dirty = true;
    }

    private static long Lap(Stopwatch sw)
    {
        var ms = sw.ElapsedMilliseconds;
        sw.Restart();
        return ms;
    }

    private static IncrementalBuildResult Failed(DiagnosticBag diagnostics, Timings timings, ReconcileOutcome plan, int changedFiles = 0)
        => new(new BuildResult(false, [], diagnostics.Sorted(), [], timings.ToPhaseTimings()), Math.Max(changedFiles, plan.ChangedInputs), [], false, timings.ReconcileMs);

    /// <summary>
    /// What the post-build check compares: every file read, and every hinted file whose stamp had not moved, so its
    /// cached bytes went into the artifacts. Without the second kind, a file saved after its reconcile but before
    /// another hinted file was read would reach the artifacts in its old version beside the other's new one: a state
    /// the tree was never in (ConcurrentWriterTests). Unhinted files are covered by the watcher: their events form the
    /// next batch.
    /// </summary>
    private static List<VerifiedInput> InputsToVerify(BuildState state, string root, ChangeHints hints, IReadOnlyList<LoadedContent> loaded)
    {
        var inputs = new List<VerifiedInput>(loaded.Count + hints.RelativePaths.Count);
        foreach (var content in loaded)
        {
            inputs.Add(new VerifiedInput(content.Work.RelativePath, content.Work.FullPath, content.Stamp, content.Sha256, content.Racy));
        }

        if (hints.RelativePaths.Count == 0)
        {
            return inputs; // a clean build ("everything"): no set of 20,000 read paths to build for nothing
        }

        var read = new HashSet<string>(loaded.Count, StringComparer.Ordinal);
        foreach (var content in loaded)
        {
            read.Add(content.Work.RelativePath);
        }

        foreach (var path in hints.RelativePaths)
        {
            if (!read.Contains(path) && state.Files.TryGetValue(path, out var indexed))
            {
                inputs.Add(new VerifiedInput(path, Path.Combine(root, path), indexed.Stamp, indexed.Sha256, indexed.Racy));
            }
        }

        return inputs;
    }
}
