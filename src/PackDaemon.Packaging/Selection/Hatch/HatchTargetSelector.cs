namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// Applies a <see cref="HatchTargetPlan"/> to the walked tree the way hatchling's builder walks it
/// (<c>recurse_included_files</c>): the explicit roots of <c>only-include</c> (or the packages), else the whole tree;
/// then the forced files. Every file gets a reason, in or out, for <c>packd explain</c>.
/// </summary>
internal sealed class HatchTargetSelector
{
    private const string NotExcluded = "not excluded";


    private readonly HatchTargetPlan _plan;
    private readonly IReadOnlyList<WalkedFile> _files;
    private readonly HashSet<string> _allPaths;
    private readonly ReasonTexts _reasons = new();

    /// <param name="files">Every packageable file of the tree (the walk's always-excluded files already removed), sorted ordinally by path.</param>
    /// <param name="allPaths">Every file name the walk met, packageable or not: a folder is a package when it holds __init__.py.</param>
    public HatchTargetSelector(HatchTargetPlan plan, IReadOnlyList<WalkedFile> files, HashSet<string> allPaths)
    {
        _plan = plan;
        _files = files;
        _allPaths = allPaths;
    }

    /// <summary>Files going in, with their path in the artifact, in hatchling's order; and why each other file stays out.</summary>
    public (List<Selected> In, Dictionary<string, string> OutReasons) Select()
    {
        var selected = new List<Selected>(_files.Count);
        var taken = new HashSet<string>(_files.Count, StringComparer.Ordinal);
        var outReasons = new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(WalkedFile file, string distributionPath, string reason)
        {
            // Two roots or forced entries naming the same artifact path: hatchling would write it twice; once is right.
            if (taken.Add(distributionPath))
            {
                selected.Add(new Selected(file, distributionPath, reason));
            }
        }

        if (_plan.OnlyInclude.Count > 0)
        {
            SelectExplicit(Add, outReasons);
        }
        else
        {
            foreach (var file in _files)
            {
                if (_plan.IsInSkippedFolder(file.RelativePath, checkReserved: true))
                {
                    outReasons[file.RelativePath] = "inside a folder hatchling does not walk (VCS, cache, or a force-include source)";
                    continue;
                }

                var verdict = Decide(file.RelativePath, explicitRoot: false);
                if (verdict.In)
                {
                    Add(file, _plan.DistributionPath(file.RelativePath), verdict.Reason);
                }
                else
                {
                    outReasons[file.RelativePath] = verdict.Reason;
                }
            }
        }

        SelectForced(Add);
        SelectIntoWheelFolder(Add, _plan.SharedData, _plan.SharedDataPrefix, "shared-data");
        SelectIntoWheelFolder(Add, _plan.SharedScripts, _plan.SharedScriptsPrefix, "shared-scripts");
        SelectIntoWheelFolder(Add, _plan.ExtraMetadata, _plan.ExtraMetadataPrefix, "extra-metadata");
        foreach (var item in selected)
        {
            outReasons.Remove(item.File.RelativePath);
        }

        return (selected, outReasons);
    }

    private void SelectExplicit(Action<WalkedFile, string, string> add, Dictionary<string, string> outReasons)
    {
        var covered = new HashSet<string>(_files.Count, StringComparer.Ordinal);
        foreach (string root in _plan.OnlyInclude)
        {
            // One reason string per root, not per file: most files of a 20,000-file package share it.
            string notExcluded = $"inside {root}/ (only-include/packages); not excluded";
            foreach (var file in FilesAt(root))
            {
                covered.Add(file.RelativePath);
                if (file.RelativePath == root)
                {
                    // A file named in only-include goes in as it is: hatchling checks no pattern for it.
                    add(file, _plan.DistributionPath(root), $"named in only-include/packages ({root})");
                    continue;
                }

                if (IsUnderExcludedDirectory(file.RelativePath.AsSpan(root.Length + 1)))
                {
                    outReasons[file.RelativePath] = "inside a folder hatchling never enters (__pycache__, .git, .tox...)";
                    continue;
                }

                var verdict = Decide(file.RelativePath, explicitRoot: true);
                if (verdict.In)
                {
                    string reason = ReferenceEquals(verdict.Reason, NotExcluded) ? notExcluded : $"inside {root}/ (only-include/packages); {verdict.Reason}";
                    add(file, _plan.DistributionPath(file.RelativePath), reason);
                }
                else
                {
                    outReasons[file.RelativePath] = verdict.Reason;
                }
            }
        }

        string outside = $"outside the {_plan.Target}'s only-include/packages ({string.Join(", ", _plan.OnlyInclude)})";
        foreach (var file in _files)
        {
            if (!covered.Contains(file.RelativePath))
            {
                outReasons[file.RelativePath] = outside;
            }
        }
    }

    private void SelectForced(Action<WalkedFile, string, string> add)
    {
        foreach (var mapping in _plan.ForceInclude)
        {
            foreach (var file in FilesAt(mapping.Source))
            {
                string reason = $"force-include {mapping.Source} = {mapping.Target}";
                if (file.RelativePath == mapping.Source)
                {
                    add(file, _plan.DistributionPath(mapping.Target), reason);
                    continue;
                }

                string below = file.RelativePath[(mapping.Source.Length + 1)..];
                string relative = mapping.Target + "/" + below;
                if (!IsUnderExcludedDirectory(below) && !_plan.IsReserved(relative))
                {
                    add(file, _plan.DistributionPath(relative), reason);
                }
            }
        }
    }

    /// <summary>
    /// hatchling 1.12's <c>recurse_explicit_files</c> for <c>shared-data</c> and <c>extra-metadata</c>: a file source goes
    /// in as named; a folder's files go in unless the path they take (target/below, not the source path) is excluded or
    /// reserved, or only-packages holds and their folder has no __init__.py; an artifact pattern wins over both. The
    /// <c>sources</c> rewrite applies to that path, then the wheel folder's prefix.
    /// </summary>
    private void SelectIntoWheelFolder(Action<WalkedFile, string, string> add, IReadOnlyList<HatchPathMapping> mappings, string prefix, string option)
    {
        foreach (var mapping in mappings)
        {
            string reason = $"{option} {mapping.Source} = {mapping.Target}";
            foreach (var file in FilesAt(mapping.Source))
            {
                if (file.RelativePath == mapping.Source)
                {
                    add(file, prefix + _plan.DistributionPath(mapping.Target), reason);
                    continue;
                }

                string below = file.RelativePath[(mapping.Source.Length + 1)..];
                if (IsUnderExcludedDirectory(below))
                {
                    continue;
                }

                string relative = mapping.Target + "/" + below;
                int slash = file.RelativePath.LastIndexOf('/');
                bool inPackage = _allPaths.Contains(file.RelativePath[..(slash + 1)] + "__init__.py");
                bool take = _plan.Artifacts.Match(relative) is not null
                    || (!(_plan.OnlyPackages && !inPackage) && !_plan.IsReserved(relative) && _plan.Exclude.Match(relative) is null);
                if (take)
                {
                    add(file, prefix + _plan.DistributionPath(relative), reason);
                }
            }
        }
    }

    /// <summary>hatchling's <c>include_path</c>.</summary>
    private (bool In, string Reason) Decide(string path, bool explicitRoot)
    {
        if (_plan.Artifacts.Match(path) is { } artifact)
        {
            return (true, _reasons.Join("an artifact: ", artifact));
        }

        if (_plan.OnlyPackages && !IsInPackage(path))
        {
            return (false, "only-packages: its folder holds no __init__.py");
        }

        if (_plan.IsReserved(path))
        {
            return (false, "a force-include source, added under its target path instead");
        }

        if (_plan.Exclude.Match(path) is { } exclude)
        {
            return (false, _reasons.Join("excluded by ", exclude));
        }

        if (explicitRoot)
        {
            return (true, NotExcluded);
        }

        if (_plan.Include is null)
        {
            return (true, "not excluded (no include pattern: hatchling takes every file)");
        }

        return _plan.Include.Match(path) is { } include
            ? (true, _reasons.Join("included by ", include))
            : (false, $"matches no include pattern of the {_plan.Target}");
    }

    private bool IsInPackage(string path)
    {
        int slash = path.LastIndexOf('/');
        return _allPaths.Contains(slash < 0 ? "__init__.py" : path[..(slash + 1)] + "__init__.py");
    }

    private static bool IsUnderExcludedDirectory(ReadOnlySpan<char> pathBelowRoot)
    {
        // Each folder segment, without splitting the path into new strings (this runs once per file).
        var rest = pathBelowRoot;
        for (int slash = rest.IndexOf('/'); slash >= 0; slash = rest.IndexOf('/'))
        {
            if (HatchTargetPlan.ExcludedDirectoryLookup.Contains(rest[..slash]))
            {
                return true;
            }

            rest = rest[(slash + 1)..];
        }

        return false;
    }

    /// <summary>The file at <paramref name="path"/>, or every file below the folder <paramref name="path"/>.</summary>
    private IEnumerable<WalkedFile> FilesAt(string path)
    {
        // In ordinal order every path starting with `path` is one block, and the folder's files a block inside it.
        string prefix = path + "/";
        for (int i = LowerBound(path); i < _files.Count && _files[i].RelativePath.StartsWith(path, StringComparison.Ordinal); i++)
        {
            var file = _files[i];
            if (file.RelativePath == path || file.RelativePath.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return file;
            }
        }
    }

    private int LowerBound(string path)
    {
        int lo = 0, hi = _files.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_files[mid].RelativePath, path) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>One file going into the artifact.</summary>
    internal sealed record Selected(WalkedFile File, string DistributionPath, string Reason);
}
