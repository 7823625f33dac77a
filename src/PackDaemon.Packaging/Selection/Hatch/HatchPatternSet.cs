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
        bool matched = false;
        int bestPriority = 0;
        Entry? decisive = null;
        foreach (var entry in _entries)
        {
            int priority = Priority(entry.Pattern, path);
            if (priority > 0 && priority >= bestPriority)
            {
                matched = !entry.Pattern.IsNegated;
                bestPriority = priority;
                decisive = entry;
            }
        }

        return matched && decisive is { } hit ? $"{hit.Origin} '{hit.Pattern.Text}'" : null;
    }

    // 2: the pattern matches the file itself; 1: it matches one of the folders holding it; 0: no match.
    private static int Priority(GitIgnorePattern pattern, string path)
    {
        if (pattern.IsMatch(path, isDirectory: false))
        {
            return 2;
        }

        for (int slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (pattern.IsMatch(path.AsSpan(0, slash), isDirectory: true))
            {
                return 1;
            }
        }

        return 0;
    }

    private sealed record Entry(GitIgnorePattern Pattern, string Origin);
}
