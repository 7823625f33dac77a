using System.Diagnostics;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

internal static partial class BuildExecutor
{
    private const string WheelKind = "wheel";
    private const string SdistKind = "sdist";

    /// <summary>Lays both artifacts out, leaves alone any the disk already holds, streams the others into temp files,
    /// checks that nothing read moved meanwhile, and renames them into place together.</summary>
    private static (IncrementalBuildResult Result, List<string>? Moved) Publish(
        BuildRequest request,
        BuildState state,
        LoadedProject project,
        FileSelection selection,
        DateTimeOffset timestamp,
        IReadOnlyList<LoadedContent> loaded,
        int changedFiles,
        ReconcileOutcome plan,
        Timings timings,
        DiagnosticBag diagnostics,
        bool lastAttempt,
        CancellationToken cancellationToken)
    {
        var wheelPlan = request.Wheel ? WheelAssembler.Plan(project, selection.Wheel, state) : null;
        var sdistPlan = request.Sdist ? SdistAssembler.Plan(project, selection.Sdist, state, timestamp) : null;
        string wheelPath = Path.Combine(request.OutputDirectory, WheelAssembler.FileName(project));
        string sdistPath = Path.Combine(request.OutputDirectory, SdistAssembler.FileName(project));
        var wheelDigest = wheelPlan?.Digest ?? default;
        var sdistDigest = sdistPlan?.Digest ?? default;
        bool wheelCurrent = wheelPlan is not null && IsCurrent(state, request, WheelKind, wheelPath, wheelDigest);
        bool sdistCurrent = sdistPlan is not null && IsCurrent(state, request, SdistKind, sdistPath, sdistDigest);

        var changedEntries = new List<string>();
        if (wheelPlan is not null && !wheelCurrent)
        {
            AddChanged(changedEntries, state, WheelKind, wheelPlan.States);
            changedEntries.Add(new Packaging.Wheels.WheelLayout(project.DistributionName, project.Version).RecordPath);
        }

        if (sdistPlan is not null && !sdistCurrent)
        {
            AddChanged(changedEntries, state, SdistKind, sdistPlan.States);
        }

        ProducedArtifact? wheel = null;
        Task<ProducedArtifact>? sdistTask = null;
        var artifacts = new List<ArtifactInfo>(2);
        try
        {
            // The two archives are independent; writing them side by side overlaps their I/O and hashing.
            sdistTask = sdistPlan is not null && !sdistCurrent
                ? Task.Run(() => Produce(request, SdistKind, sdistPath, output => SdistAssembler.Write(project, sdistPlan, timestamp, output)), cancellationToken)
                : null;
            if (wheelPlan is not null && !wheelCurrent)
            {
                wheel = Produce(request, WheelKind, wheelPath, output => WheelAssembler.Write(project, wheelPlan, state.Records, timestamp, output, cancellationToken));
                timings = timings with { WheelMs = wheel.Info.Milliseconds };
            }

            var sdist = sdistTask?.GetAwaiter().GetResult();
            timings = timings with { SdistMs = sdist?.Info.Milliseconds ?? 0 };
            cancellationToken.ThrowIfCancellationRequested();

            // Never publish from a tree that changed under the build: what was read must still be what is on disk.
            var moved = Moved(loaded, cancellationToken);
            if (moved.Count > 0)
            {
                if (!lastAttempt)
                {
                    return (Failed(diagnostics, timings, plan, changedFiles), moved);
                }

                diagnostics.Error(
                    DiagnosticCodes.TreeChangedDuringBuild,
                    $"{moved.Count} input file(s) kept changing while the artifacts were built (first: '{moved[0]}'); nothing was published.",
                    moved[0],
                    fix: "Build again once the files stop changing; the previous artifacts were left as they were.");
                return (Failed(diagnostics, timings, plan, changedFiles), null);
            }

            // Both artifacts are complete on disk before either is renamed into place, and both targets are checked
            // first: a build never leaves a new wheel beside an old sdist because the second one failed. (Two renames
            // in one folder cannot be one atomic step; what remains is a rename failing for a reason the check cannot
            // see, right after another rename in the same folder succeeded.)
            foreach (var produced in new[] { wheel, sdist })
            {
                if (produced?.File is { } file && Directory.Exists(file.TargetPath))
                {
                    throw new IOException($"'{file.TargetPath}' is a folder; remove it so the artifact can take its name.");
                }
            }

            Commit(state, request, WheelKind, wheel, wheelCurrent, wheelPlan?.States, wheelDigest, artifacts);
            Commit(state, request, SdistKind, sdist, sdistCurrent, sdistPlan?.States, sdistDigest, artifacts);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(
                DiagnosticCodes.ArtifactWriteFailed,
                $"cannot write to '{request.OutputDirectory}': {ex.Message}",
                fix: "Check that the output folder is writable and the disk is not full; the previous artifacts were left as they were.");
            return (Failed(diagnostics, timings, plan, changedFiles), null);
        }
        finally
        {
            // Whatever was not renamed is deleted; a still-running sdist is waited for so its temp file goes too.
            wheel?.File?.Dispose();
            WaitQuietly(sdistTask);
            if (sdistTask is { IsCompletedSuccessfully: true })
            {
                sdistTask.Result.File?.Dispose();
            }
        }

        if (request.WriteArtifacts)
        {
            state.PublishedFor = request;
        }

        bool upToDate = request.WriteArtifacts && (wheelPlan is null || wheelCurrent) && (sdistPlan is null || sdistCurrent);
        var result = new BuildResult(true, artifacts, diagnostics.Sorted(), selection.Packages, timings.ToPhaseTimings());
        return (new IncrementalBuildResult(result, changedFiles, changedEntries, upToDate, timings.ReconcileMs), null);
    }

    /// <summary>The artifact on disk is the one this builder last wrote, untouched since, and holds exactly these entries.</summary>
    private static bool IsCurrent(BuildState state, BuildRequest request, string kind, string path, Sha256Value digest)
        => request.WriteArtifacts
            && Equals(state.PublishedFor, request)
            && state.Published.TryGetValue(kind, out var published)
            && published.Path == path
            && published.Digest == digest
            && FileStatus.Stat(path, out var stamp) == FileStatus.Kind.File
            && stamp == published.Stamp;

    /// <summary>Entries new or different since the artifact last published (all of them when there was none). After a
    /// plain edit the two lists hold the same names in the same order, so they are compared side by side.</summary>
    private static void AddChanged(List<string> changed, BuildState state, string kind, List<EntryName> entries)
    {
        var previous = state.Published.GetValueOrDefault(kind)?.Entries;
        int start = changed.Count;
        if (previous is not null && previous.Count == entries.Count)
        {
            int i = 0;
            for (; i < entries.Count && string.Equals(entries[i].Name, previous[i].Name, StringComparison.Ordinal); i++)
            {
                if (entries[i].State != previous[i].State)
                {
                    changed.Add(entries[i].Name);
                }
            }

            if (i == entries.Count)
            {
                return;
            }

            changed.RemoveRange(start, changed.Count - start);
        }

        var before = new Dictionary<string, EntryState>(previous?.Count ?? 0, StringComparer.Ordinal);
        foreach (var (name, entryState) in previous ?? [])
        {
            before[name] = entryState;
        }

        foreach (var (name, entryState) in entries)
        {
            if (!before.TryGetValue(name, out var was) || was != entryState)
            {
                changed.Add(name);
            }
        }
    }

    private static List<string> Moved(IReadOnlyList<LoadedContent> loaded, CancellationToken cancellationToken)
    {
        var moved = new System.Collections.Concurrent.ConcurrentBag<string>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.ForEach(loaded, options, content =>
        {
            if (FileStatus.Stat(content.Work.FullPath, out var now) != FileStatus.Kind.File || now != content.Stamp)
            {
                moved.Add(content.Work.RelativePath);
            }
        });

        var list = moved.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static void Commit(
        BuildState state,
        BuildRequest request,
        string kind,
        ProducedArtifact? produced,
        bool current,
        List<EntryName>? entries,
        Sha256Value digest,
        List<ArtifactInfo> artifacts)
    {
        if (current)
        {
            artifacts.Add(state.Published[kind].Info with { Milliseconds = 0, Rewritten = false });
            return;
        }

        if (produced is null)
        {
            return;
        }

        produced.File?.Commit();
        artifacts.Add(produced.Info);
        if (request.WriteArtifacts && FileStatus.Stat(produced.Info.Path, out var stamp) == FileStatus.Kind.File)
        {
            state.Published[kind] = new PublishedArtifact(produced.Info.Path, stamp, digest, entries, produced.Info);
            state.Dirty = true;
        }
    }

    /// <summary>Streams one artifact into a temp file beside its target (or, for a check, into nothing), hashing it on
    /// the way. The caller renames it into place.</summary>
    private static ProducedArtifact Produce(BuildRequest request, string kind, string path, Func<Stream, AssembledArtifact> assemble)
    {
        var sw = Stopwatch.StartNew();
        AssembledArtifact? artifact = null;
        PreparedFile? file = null;
        if (request.WriteArtifacts)
        {
            file = AtomicFile.Prepare(path, stream => artifact = assemble(stream));
        }
        else
        {
            artifact = assemble(Stream.Null);
        }

        return new ProducedArtifact(new ArtifactInfo(kind, path, artifact!.Size, artifact.Entries, artifact.Sha256, sw.ElapsedMilliseconds), file);
    }

    private static void WaitQuietly(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // Its own failure is the same kind as the one being reported.
        }
    }
}
