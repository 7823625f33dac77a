namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// A list of gitignore-style patterns matched the way hatchling matches them: pathspec's <c>GitIgnoreSpec</c> over
/// project-relative file paths. That differs from git in two ways that change results. A pattern may match the file
/// itself or one of its parent folders; the last matching pattern decides, except that a folder match never overrides
/// an earlier match of the file itself. And a file inside an excluded folder can be re-included by a later <c>!</c> pattern
/// naming it, which git refuses.
/// </summary>
internal sealed class HatchPatternSet
{
    private readonly Entry[] _entries;
    private readonly Dictionary<string, bool[]> _folderHits = new(StringComparer.Ordinal);

    private HatchPatternSet(Entry[] entries) => _entries = entries;

    public bool IsEmpty => _entries.Length == 0;

    /// <param name="lines">Each pattern with where it came from, for explanations (<c>.gitignore:3</c>, <c>[tool.hatch.build] exclude</c>).</param>
    public static HatchPatternSet Create(IEnumerable<(string Line, int LineNumber, string Origin)> lines)
    {
        var entries = new List<Entry>();
        foreach (var (line, number, origin) in lines)
        {
            if (GitIgnorePattern.Parse(line, number) is { } pattern)
            {
                entries.Add(new Entry(pattern, origin));
            }
        }

        return new HatchPatternSet([.. entries]);
    }

    /// <summary>The pattern that makes the set match <paramref name="path"/>, described; null when the set does not match it.</summary>
    public string? Match(string path)
    {
        if (_entries.Length == 0)
        {
            return null;
        }

        int slash = path.LastIndexOf('/');
        bool[]? folderHits = slash > 0 ? FolderHits(path.AsSpan(0, slash)) : null;
        bool matched = false;
        int bestPriority = 0;
        Entry? decisive = null;
        for (int i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            // 2: the pattern matches the file itself; 1: it matches one of the folders holding it; 0: no match.
            int priority = entry.Pattern.IsMatch(path, isDirectory: false) ? 2 : folderHits?[i] == true ? 1 : 0;
            if (priority > 0 && priority >= bestPriority)
            {
                matched = !entry.Pattern.IsNegated;
                bestPriority = priority;
                decisive = entry;
            }
        }

        return matched && decisive is { } hit ? hit.Description : null;
    }

    /// <summary>Per pattern: does it match <paramref name="folder"/> or a folder above it? Every file of a folder asks the
    /// same question, so the answer is kept per folder (a 20,000-file tree has a few hundred folders); the selection
    /// that owns this set is one pass, on one thread.</summary>
    private bool[] FolderHits(ReadOnlySpan<char> folder)
    {
        // Looked up by span: a substring per file and pattern set was most of the selection's garbage.
        var lookup = _folderHits.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folder, out var known))
        {
            return known;
        }

        int slash = folder.LastIndexOf('/');
        bool[]? above = slash > 0 ? FolderHits(folder[..slash]) : null;
        string name = folder.ToString();
        var hits = new bool[_entries.Length];
        for (int i = 0; i < hits.Length; i++)
        {
            hits[i] = above?[i] == true || _entries[i].Pattern.IsMatch(name, isDirectory: true);
        }

        _folderHits[name] = hits;
        return hits;
    }

    private sealed record Entry(GitIgnorePattern Pattern, string Origin)
    {
        /// <summary>What <see cref="Match"/> answers, made once per pattern rather than once per file it matches.</summary>
        public string Description { get; } = $"{Origin} '{Pattern.Text}'";
    }
}
