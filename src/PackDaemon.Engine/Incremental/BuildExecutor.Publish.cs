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
        IReadOnlyList<VerifiedInput> verified,
        IReadOnlyList<LoadedContent> loaded,
        int changedFiles,
        ReconcileOutcome plan,
        Timings timings,
        DiagnosticBag diagnostics,
        bool lastAttempt,
        bool publishedWasInSync,
        CancellationToken cancellationToken)
    {
        string wheelPath = Path.Combine(request.OutputDirectory, WheelAssembler.FileName(project));
        string sdistPath = Path.Combine(request.OutputDirectory, SdistAssembler.FileName(project));
        var changedEntries = new List<string>();
        bool wheelCurrent, sdistCurrent;
        ArchivePlan<CompressedBlob>? wheelPlan;
        ArchivePlan<SdistSegment>? sdistPlan;
        if (publishedWasInSync && state.Plans is { } cached && cached.IsFor(project, selection, request)
            && loaded.All(l => !project.LicenseFiles.Contains(l.Work.RelativePath)))
        {
            // A plain edit: the published artifacts are the cached plans; patch the edited entries, compare only them.
            (wheelPlan, sdistPlan) = (cached.Wheel, cached.Sdist);
            var (wheelChanged, sdistChanged) = PatchPlans(state, project, wheelPlan, sdistPlan, loaded);
            wheelCurrent = wheelPlan is not null && wheelChanged.Count == 0 && PublishedIntact(state, WheelKind, wheelPath);
            sdistCurrent = sdistPlan is not null && sdistChanged.Count == 0 && PublishedIntact(state, SdistKind, sdistPath);
            changedEntries.AddRange(wheelChanged);
            if (wheelPlan is not null && !wheelCurrent)
            {
                changedEntries.Add(new Packaging.Wheels.WheelLayout(project.DistributionName, project.Version).RecordPath);
            }

            changedEntries.AddRange(sdistChanged);
        }
        else
        {
            wheelPlan = request.Wheel ? WheelAssembler.Plan(project, selection.Wheel, state) : null;
            sdistPlan = request.Sdist ? SdistAssembler.Plan(project, selection.Sdist, state, timestamp) : null;
            state.Plans = new PlanCache(project, selection, request, wheelPlan, sdistPlan);
            wheelCurrent = wheelPlan is not null && IsCurrent(state, request, WheelKind, wheelPath, wheelPlan);
            sdistCurrent = sdistPlan is not null && IsCurrent(state, request, SdistKind, sdistPath, sdistPlan);
            if (wheelPlan is not null && !wheelCurrent)
            {
                AddChanged(changedEntries, state, WheelKind, wheelPlan.States);
                changedEntries.Add(new Packaging.Wheels.WheelLayout(project.DistributionName, project.Version).RecordPath);
            }

            if (sdistPlan is not null && !sdistCurrent)
            {
                AddChanged(changedEntries, state, SdistKind, sdistPlan.States);
            }
        }

        // The inputs are checked once every read is done, so the artifacts show the tree as it was at one moment:
        // that check needs no wait for the writing, and runs beside it.
        var verifying = state.OneShot
            ? Task.FromResult(InputVerifier.ChangedSinceWalk(loaded))
            : Task.Run(() => InputVerifier.Moved(verified, cancellationToken), cancellationToken);
        ProducedArtifact? wheel = null;
        Task<ProducedArtifact>? sdistTask = null;
        var artifacts = new List<ArtifactInfo>(2);
        try
        {
            // The two archives are independent; writing them side by side overlaps their I/O and hashing.
            sdistTask = sdistPlan is not null && !sdistCurrent
                ? Task.Run(() => Produce(request, state.DurableArtifacts, SdistKind, sdistPath, output => SdistAssembler.Write(project, sdistPlan, state.SdistGroups, state.SdistHashes, timestamp, output)), cancellationToken)
                : null;
            if (wheelPlan is not null && !wheelCurrent)
            {
                wheel = Produce(request, state.DurableArtifacts, WheelKind, wheelPath, output => WheelAssembler.Write(project, wheelPlan, state.Records, state.WheelHashes, timestamp, output, cancellationToken));
                timings = timings with { WheelMs = wheel.Info.Milliseconds };
            }

            var sdist = sdistTask?.GetAwaiter().GetResult();
            timings = timings with { SdistMs = sdist?.Info.Milliseconds ?? 0 };
            cancellationToken.ThrowIfCancellationRequested();

            // Never publish from a tree that changed under the build: what was read must still have been on disk
            // after the last read.
            var moved = verifying.GetAwaiter().GetResult();
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

            Commit(state, request, WheelKind, wheel, wheelCurrent, wheelPlan?.States, artifacts);
            Commit(state, request, SdistKind, sdist, sdistCurrent, sdistPlan?.States, artifacts);
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
            WaitQuietly(verifying);
            WaitQuietly(sdistTask);
            if (sdistTask is { IsCompletedSuccessfully: true })
            {
                sdistTask.Result.File?.Dispose();
            }
        }

        if (request.WriteArtifacts)
        {
            state.PublishedFor = request;
            state.PublishedInSync = true;
        }

        bool upToDate = request.WriteArtifacts && (wheelPlan is null || wheelCurrent) && (sdistPlan is null || sdistCurrent);
        var result = new BuildResult(true, artifacts, diagnostics.Sorted(), selection.Packages, timings.ToPhaseTimings());
        return (new IncrementalBuildResult(result, changedFiles, changedEntries, upToDate, timings.ReconcileMs), null);
    }

    /// <summary>The artifact on disk is the one this builder last wrote, untouched since, and holds exactly these entries.</summary>
    private static bool IsCurrent<TEntry>(BuildState state, BuildRequest request, string kind, string path, ArchivePlan<TEntry> plan)
    {
        if (!Equals(state.PublishedFor, request) || !PublishedIntact(state, kind, path))
        {
            return false;
        }

        var published = state.Published[kind];
        if (published.Entries is { } entries)
        {
            if (entries.Count != plan.States.Count)
            {
                return false;
            }

            for (int i = 0; i < entries.Count; i++)
            {
                if (entries[i] != plan.States[i])
                {
                    return false;
                }
            }

            return true;
        }

        return published.Digest == plan.Digest();
    }

    /// <summary>The artifact this builder last published is still on disk with the stamp it had after the rename.</summary>
    private static bool PublishedIntact(BuildState state, string kind, string path)
        => state.Published.TryGetValue(kind, out var published)
            && published.Path == path
            && FileStatus.Stat(path, out var stamp) == FileStatus.Kind.File
            && stamp == published.Stamp;

    /// <summary>Puts the re-read files' new blobs and segments into the cached plans; returns the entries that changed.</summary>
    private static (List<string> Wheel, List<string> Sdist) PatchPlans(
        BuildState state, LoadedProject project, ArchivePlan<CompressedBlob>? wheelPlan, ArchivePlan<SdistSegment>? sdistPlan, IReadOnlyList<LoadedContent> loaded)
    {
        var wheel = new List<string>();
        var sdist = new List<string>();
        string top = SdistAssembler.MemberPath(project, string.Empty);
        foreach (var content in loaded)
        {
            var work = content.Work;
            var entryState = new EntryState(content.Sha256, work.Executable);
            if (wheelPlan is not null && work.WheelName is { } name
                && wheelPlan.Patch(name, state.Blobs[BlobKey.For(content.Sha256, name, work.WheelRewrite)], entryState with { Executable = work.WheelExecutable }))
            {
                wheel.Add(name);
            }

            if (sdistPlan is not null && work.SdistMember is { } member
                && sdistPlan.Patch(member[top.Length..], state.Files[work.RelativePath].Segment!, entryState))
            {
                sdist.Add(member);
            }
        }

        // Archive order (payload entries and members are sorted by path), not the order the parallel read finished in.
        wheel.Sort(StringComparer.Ordinal);
        sdist.Sort(StringComparer.Ordinal);
        return (wheel, sdist);
    }

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

    private static void Commit(
        BuildState state,
        BuildRequest request,
        string kind,
        ProducedArtifact? produced,
        bool current,
        List<EntryName>? entries,
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

        var replaced = produced.File is null ? null : ReplacedArtifact.HoldOpen(produced.Info.Path);
        try
        {
            produced.File?.Commit();
        }
        finally
        {
            ReplacedArtifact.ReleaseInBackground(replaced);
        }

        artifacts.Add(produced.Info);
        if (request.WriteArtifacts && FileStatus.Stat(produced.Info.Path, out var stamp) == FileStatus.Kind.File)
        {
            // A copy: the plan is patched in place by the next plain edit. Into the last copy when the count is the same:
            // 20,000 entries are a 1 MB large-object allocation per artifact per save otherwise. Nothing else reads
            // the old copy by then (the cache writer, its only other reader, is never running during a build).
            var copy = state.Published.GetValueOrDefault(kind)?.Entries is EntryName[] last && last.Length == entries!.Count
                ? last
                : new EntryName[entries!.Count];
            entries.CopyTo(copy);
            state.Published[kind] = new PublishedArtifact(produced.Info.Path, stamp, null, copy, produced.Info);
            state.Dirty = true;
        }
    }

    /// <summary>Streams one artifact into a temp file beside its target (or, for a check, into nothing), hashing it on
    /// the way. The caller renames it into place.</summary>
    private static ProducedArtifact Produce(BuildRequest request, bool durable, string kind, string path, Func<Stream, AssembledArtifact> assemble)
    {
        var sw = Stopwatch.StartNew();
        AssembledArtifact? artifact = null;
        PreparedFile? file = null;
        if (request.WriteArtifacts)
        {
            file = AtomicFile.Prepare(path, stream => artifact = assemble(stream), durable);
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
