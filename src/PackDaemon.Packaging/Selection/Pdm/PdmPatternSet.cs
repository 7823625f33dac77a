namespace PackDaemon.Packaging.Selection.Pdm;

/// <summary>
/// pdm-backend's include/exclude resolution (<c>Builder._get_include_and_exclude_paths</c> and <c>_merge_globs</c> in
/// pdm/backend/base.py): every pattern is expanded with Python's <c>glob.glob(recursive=True)</c> to concrete paths
/// (files and folders), then a path both sides name goes to the side whose pattern has more path parts, then fewer
/// wildcards; on a tie the exclude wins.
/// </summary>
internal sealed class PdmPatternSet
{
    private PdmPatternSet(Dictionary<string, string> included, Dictionary<string, string> excluded)
    {
        Included = included;
        Excluded = excluded;
    }

    /// <summary>Concrete included path (file or folder) and the pattern that named it.</summary>
    public IReadOnlyDictionary<string, string> Included { get; }

    /// <summary>Concrete excluded path (file or folder) and the pattern that named it.</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; }

    /// <param name="files">Every project-relative file packd may package.</param>
    /// <param name="folders">Every project-relative folder holding such a file.</param>
    public static PdmPatternSet Resolve(IEnumerable<string> includes, IEnumerable<string> excludes, IReadOnlyCollection<string> files, IReadOnlyCollection<string> folders)
    {
        var included = Expand(includes, files, folders);
        var excluded = Expand(excludes, files, folders);
        foreach (var (path, includePattern) in included.ToList())
        {
            if (excluded.TryGetValue(path, out var excludePattern))
            {
                if (Weight(includePattern).CompareTo(Weight(excludePattern)) <= 0)
                {
                    included.Remove(path);
                }
                else
                {
                    excluded.Remove(path);
                }
            }
        }

        return new PdmPatternSet(included, excluded);
    }

    /// <summary>The paths one pattern names, as Python's glob would yield them (normalized).</summary>
    public static IEnumerable<string> Matches(SegmentGlob glob, IReadOnlyCollection<string> files, IReadOnlyCollection<string> folders)
    {
        var candidates = glob.DirectoryOnly ? folders : folders.Concat(files);
        return candidates.Where(glob.IsMatch);
    }

    /// <summary>The exclude that covers <paramref name="relativePath"/>: the path itself or one of its folders
    /// (<c>is_same_or_descendant_path</c>); null when none does.</summary>
    public string? ExcludingPattern(string relativePath)
    {
        for (string? path = relativePath; path is not null; path = Parent(path))
        {
            if (Excluded.TryGetValue(path, out var pattern))
            {
                return pattern;
            }
        }

        return null;
    }

    /// <summary><c>path_weight</c>: (number of path parts, minus the wildcard count with <c>**</c> counting twice).</summary>
    internal static (int Parts, int Concreteness) Weight(string pattern)
    {
        var glob = SegmentGlob.Python(pattern);
        int wildcards = 0;
        foreach (string part in glob.Segments)
        {
            wildcards += part == "**" ? 2 : SegmentGlob.HasMagic(part) ? 1 : 0;
        }

        return (glob.Segments.Count, -wildcards);
    }

    // Python's sets and dicts give no order when two patterns of one side name the same path; packd keeps the heavier
    // pattern, so that which side wins the merge never depends on an iteration order.
    private static Dictionary<string, string> Expand(IEnumerable<string> patterns, IReadOnlyCollection<string> files, IReadOnlyCollection<string> folders)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pattern in patterns.Distinct(StringComparer.Ordinal))
        {
            foreach (string path in Matches(SegmentGlob.Python(pattern), files, folders))
            {
                if (!result.TryGetValue(path, out var previous) || Weight(pattern).CompareTo(Weight(previous)) > 0)
                {
                    result[path] = pattern;
                }
            }
        }

        return result;
    }

    private static string? Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? null : path[..slash];
    }
}
