using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>Lists the files a build must read: those the cache cannot answer for, and those whose stamp moved.</summary>
internal static class WorkPlanner
{
    /// <summary>Every selected file's need, checked against the index: after a load or a walk, or on a full reconcile.</summary>
    /// <param name="statAll">Full reconcile: stat every indexed file (the watcher may have missed anything).</param>
    /// <param name="freshWalk">This build attempt walked the tree: its stats are the stamps of the files read.</param>
    public static List<LoadWork> AllSelected(
        BuildRequest request,
        LoadedProject project,
        FileSelection selection,
        BuildState state,
        IReadOnlySet<string> suspects,
        long tarMtime,
        bool statAll,
        bool freshWalk,
        CancellationToken cancellationToken)
    {
        var needs = Needs(request, project, selection, null, freshWalk);
        var candidates = new List<(LoadWork Work, IndexedFile? Known)>(needs.Count);
        foreach (var work in needs.Values)
        {
            state.Files.TryGetValue(work.RelativePath, out var known);
            candidates.Add((work, known));
        }

        var chosen = new bool[candidates.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, candidates.Count, options, i =>
        {
            var (work, known) = candidates[i];
            chosen[i] = known is null
                || known.Racy
                || known.Findings is null
                || suspects.Contains(work.RelativePath)
                || known.Stamp.Executable != work.Executable
                || !Cached(work, known, state, tarMtime)
                || (statAll && (FileStatus.Stat(work.FullPath, out var stamp) != FileStatus.Kind.File || stamp != known.Stamp));
        });

        var result = new List<LoadWork>();
        for (int i = 0; i < candidates.Count; i++)
        {
            if (chosen[i])
            {
                result.Add(candidates[i].Work);
            }
        }

        return result;
    }

    /// <summary>A plain edit: only the suspects, with what the current selection needs of them.</summary>
    public static List<LoadWork> SuspectsOnly(BuildRequest request, LoadedProject project, BuildState state, IReadOnlySet<string> suspects)
    {
        var result = new List<LoadWork>(suspects.Count);
        if (suspects.Count == 0)
        {
            return result;
        }

        var lookup = state.Lookup;
        string top = SdistAssembler.MemberPath(project, string.Empty);
        foreach (var path in suspects)
        {
            if (!lookup.TryGet(path, out var selected))
            {
                continue; // an input the artifacts do not carry (hashed while reconciling)
            }

            string? wheelName = request.Wheel ? selected.Wheel?.ArchivePath : null;
            if (wheelName is null && request.Wheel && project.LicenseFiles.Contains(path))
            {
                wheelName = project.LicenseFolder + path;
            }

            string? member = request.Sdist && selected.Sdist is { } sdist && !SdistAssembler.IsComputed(sdist) ? top + sdist.ArchivePath : null;
            if (wheelName is not null || member is not null)
            {
                var source = (selected.Wheel ?? selected.Sdist)!.Source;
                result.Add(new LoadWork(path, source.FullPath, source.Size, source.IsExecutable, wheelName, member)
                {
                    WheelRewrite = wheelName is not null && selected.Wheel is { } wheel ? wheel.Rewrite : default,
                });
            }
        }

        return result;
    }

    /// <summary>Per selected file (by path relative to the root), what each artifact needs of it.</summary>
    /// <param name="only">When set, just these paths (a plain edit must not cost a pass building 20,000 entries).</param>
    private static Dictionary<string, LoadWork> Needs(BuildRequest request, LoadedProject project, FileSelection selection, IReadOnlySet<string>? only, bool freshWalk)
    {
        var needs = new Dictionary<string, LoadWork>(only?.Count ?? selection.Sdist.Count + 8, StringComparer.Ordinal);
        if (request.Wheel)
        {
            foreach (var file in selection.Wheel)
            {
                if (only?.Contains(file.Source.RelativePath) == false)
                {
                    continue;
                }

                needs[file.Source.RelativePath] = Work(file.Source, file.ArchivePath, null, freshWalk, file.Rewrite);
            }

            // License files go into .dist-info/licenses; the sdist selection always carries them.
            var licenses = new HashSet<string>(project.LicenseFiles, StringComparer.Ordinal);
            foreach (var file in selection.Sdist)
            {
                if (licenses.Contains(file.Source.RelativePath) && !needs.ContainsKey(file.Source.RelativePath)
                    && only?.Contains(file.Source.RelativePath) != false)
                {
                    needs[file.Source.RelativePath] = Work(file.Source, project.LicenseFolder + file.Source.RelativePath, null, freshWalk);
                }
            }
        }

        if (request.Sdist)
        {
            string top = SdistAssembler.MemberPath(project, string.Empty);
            foreach (var file in selection.Sdist)
            {
                if (SdistAssembler.IsComputed(file) || only?.Contains(file.Source.RelativePath) == false)
                {
                    continue;
                }

                string member = top + file.ArchivePath;
                needs[file.Source.RelativePath] = needs.TryGetValue(file.Source.RelativePath, out var wheel)
                    ? wheel with { SdistMember = member }
                    : Work(file.Source, null, member, freshWalk);
            }
        }

        return needs;
    }

    private static LoadWork Work(SourceFile source, string? wheelName, string? sdistMember, bool freshWalk, Packaging.Scripts.ScriptRewrite rewrite = default)
        => new(source.RelativePath, source.FullPath, source.Size, source.IsExecutable, wheelName, sdistMember)
        {
            Walked = freshWalk && source.Walked.Kind != NodeKind.Missing ? source.Walked : null,
            WheelRewrite = rewrite,
        };

    private static bool Cached(LoadWork work, IndexedFile known, BuildState state, long tarMtime)
    {
        if (work.WheelName is not null && !state.Blobs.ContainsKey(BlobKey.For(known.Sha256, work.WheelName, work.WheelRewrite)))
        {
            return false;
        }

        return work.SdistMember is null || known.SegmentFor == new SegmentKey(work.SdistMember, work.Executable, tarMtime, known.Sha256);
    }
}
