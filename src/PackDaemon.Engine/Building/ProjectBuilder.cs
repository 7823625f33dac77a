using System.Diagnostics;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>
/// One build of a project, start to finish: load the configuration, select files, read/scan/hash/compress them in
/// parallel, and only when nothing reported an error, stream each artifact into a temp file and rename it into place.
/// A build with errors writes nothing, so the last good artifacts stay on disk.
/// </summary>
public static class ProjectBuilder
{
    public static BuildResult Build(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var total = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var phase = Stopwatch.StartNew();

        var project = ProjectLoader.Load(request.ProjectRoot, diagnostics);
        var loadMs = Lap(phase);
        if (project is null || diagnostics.HasErrors)
        {
            return Failed(diagnostics, new PhaseTimings(loadMs, 0, 0, 0, 0, total.ElapsedMilliseconds));
        }

        var selection = FileSelector.Select(project.Selection, diagnostics);
        var selectMs = Lap(phase);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, new PhaseTimings(loadMs, selectMs, 0, 0, 0, total.ElapsedMilliseconds));
        }

        var wheelSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in selection.Wheel)
        {
            wheelSources.Add(file.Source.RelativePath);
        }

        var toLoad = FilesToLoad(request, project, selection);
        var guard = new SecretsGuard(project.Selection.SecretsAllow);
        var contents = ContentLoader.Load(toLoad, request.Wheel ? wheelSources : new HashSet<string>(), Retained(request, project, selection), guard, diagnostics);
        ReportSecrets(request, selection, contents, guard, diagnostics);
        var readMs = Lap(phase);
        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics, new PhaseTimings(loadMs, selectMs, readMs, 0, 0, total.ElapsedMilliseconds));
        }

        var timestamp = ReproducibleClock.FromSourceDateEpoch(request.SourceDateEpoch, diagnostics);
        var artifacts = new List<ArtifactInfo>(2);
        long wheelMs = 0, sdistMs = 0;
        Task<ProducedArtifact>? sdistTask = null;
        ProducedArtifact? wheel = null;
        try
        {
            // The two archives are independent; building them side by side lets the sdist's single gzip stream run
            // while the wheel's entries are copied.
            sdistTask = request.Sdist
                ? Task.Run(() => Produce(request, "sdist", SdistAssembler.FileName(project),
                    output => SdistAssembler.Assemble(project, selection.Sdist, contents, timestamp, output)))
                : null;
            if (request.Wheel)
            {
                wheel = Produce(request, "wheel", WheelAssembler.FileName(project),
                    output => WheelAssembler.Assemble(project, selection.Wheel, contents, timestamp, output));
                wheelMs = wheel.Info.Milliseconds;
            }

            var sdist = sdistTask?.GetAwaiter().GetResult();
            sdistMs = sdist?.Info.Milliseconds ?? 0;

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

            foreach (var produced in new[] { wheel, sdist })
            {
                if (produced is not null)
                {
                    produced.File?.Commit();
                    artifacts.Add(produced.Info);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(
                DiagnosticCodes.ArtifactWriteFailed,
                $"cannot write to '{request.OutputDirectory}': {ex.Message}",
                fix: "Check that the output folder is writable and the disk is not full; the previous artifacts were left as they were.");
            return Failed(diagnostics, new PhaseTimings(loadMs, selectMs, readMs, wheelMs, sdistMs, total.ElapsedMilliseconds));
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

        return new BuildResult(
            true,
            artifacts,
            diagnostics.Sorted(),
            selection.Packages,
            new PhaseTimings(loadMs, selectMs, readMs, wheelMs, sdistMs, total.ElapsedMilliseconds));
    }

    private static List<SourceFile> FilesToLoad(BuildRequest request, LoadedProject project, FileSelection selection)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<SourceFile>(selection.Sdist.Count + selection.Wheel.Count);
        void AddAll(IReadOnlyList<SelectedFile> selected)
        {
            foreach (var file in selected)
            {
                if (seen.Add(file.Source.RelativePath))
                {
                    files.Add(file.Source);
                }
            }
        }

        if (request.Wheel)
        {
            AddAll(selection.Wheel);

            // License files go into .dist-info/licenses; the sdist selection always carries them.
            var licenses = new HashSet<string>(project.LicenseFiles, StringComparer.Ordinal);
            AddAll(selection.Sdist.Where(f => licenses.Contains(f.Source.RelativePath)).ToList());
        }

        if (request.Sdist)
        {
            AddAll(selection.Sdist);
        }

        return files;
    }

    /// <summary>Files whose raw bytes a later step needs: every sdist member when the sdist is built, and the license
    /// files the wheel copies into .dist-info. Everything else is dropped right after hashing and compressing.</summary>
    private static HashSet<string> Retained(BuildRequest request, LoadedProject project, FileSelection selection)
    {
        var retained = new HashSet<string>(project.LicenseFiles, StringComparer.Ordinal);
        if (request.Sdist)
        {
            foreach (var file in selection.Sdist)
            {
                retained.Add(file.Source.RelativePath);
            }
        }

        return retained;
    }

    private static void ReportSecrets(
        BuildRequest request,
        FileSelection selection,
        IReadOnlyDictionary<string, LoadedContent> contents,
        SecretsGuard guard,
        DiagnosticBag diagnostics)
    {
        void ReportFor(IReadOnlyList<SelectedFile> files, ArtifactKind kind)
        {
            var findings = new List<SecretFinding>();
            foreach (var file in files)
            {
                if (contents.TryGetValue(file.Source.RelativePath, out var content))
                {
                    findings.AddRange(content.Findings);
                }
            }

            if (findings.Count > 0)
            {
                guard.Report(findings, kind, diagnostics);
            }
        }

        if (request.Wheel)
        {
            ReportFor(selection.Wheel, ArtifactKind.Wheel);
        }

        if (request.Sdist)
        {
            ReportFor(selection.Sdist, ArtifactKind.Sdist);
        }
    }

    /// <summary>Streams one artifact into a temp file beside its target (or, for a check, into nothing), hashing it on
    /// the way. The caller renames it into place.</summary>
    private static ProducedArtifact Produce(BuildRequest request, string kind, string fileName, Func<Stream, AssembledArtifact> assemble)
    {
        var sw = Stopwatch.StartNew();
        var path = Path.Combine(request.OutputDirectory, fileName);
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

    private static long Lap(Stopwatch sw)
    {
        var ms = sw.ElapsedMilliseconds;
        sw.Restart();
        return ms;
    }

    private static BuildResult Failed(DiagnosticBag diagnostics, PhaseTimings timings)
        => new(false, [], diagnostics.Sorted(), [], timings);
}
