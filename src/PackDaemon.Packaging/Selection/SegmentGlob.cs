namespace PackDaemon.Packaging.Selection;

/// <summary>
/// A glob matched path segment by segment against project-relative paths (<c>/</c>-separated): <c>*</c>, <c>?</c> and
/// <c>[...]</c> stay inside one segment, a whole <c>**</c> segment spans any number of them. Two backends' flavours:
/// Python's <c>glob.glob(recursive=True)</c> (pdm-backend: wildcards skip names starting with a dot, and <c>x/**</c>
/// also yields <c>x</c>) and the portable globs of PEP 639 that uv_build matches with globset (dot names match,
/// <c>x/**</c> is only what lies below <c>x</c>).
/// </summary>
internal sealed class SegmentGlob
{
    private readonly string[] _segments;
    private readonly bool _wildcardsSkipDotNames;
    private readonly bool _trailingDoubleStarNeedsASegment;

    private SegmentGlob(string pattern, bool wildcardsSkipDotNames, bool trailingDoubleStarNeedsASegment)
    {
        Pattern = pattern;
        DirectoryOnly = pattern.EndsWith('/');
        _segments = [.. pattern.Split('/').Where(static s => s.Length > 0 && s != ".")];
        _wildcardsSkipDotNames = wildcardsSkipDotNames;
        _trailingDoubleStarNeedsASegment = trailingDoubleStarNeedsASegment;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>A trailing <c>/</c>: Python's glob then yields folders only.</summary>
    public bool DirectoryOnly { get; }

    /// <summary>The pattern's segments, without <c>.</c> and empty ones (what <c>pathlib.Path(pattern).parts</c> gives).</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Python's <c>glob.glob(pattern, recursive=True)</c> relative to the project root.</summary>
    public static SegmentGlob Python(string pattern) => new(pattern, wildcardsSkipDotNames: true, trailingDoubleStarNeedsASegment: false);

    /// <summary><c>pathlib.Path.glob</c>: like <see cref="Python"/> but wildcards also match dot names.</summary>
    public static SegmentGlob PathLib(string pattern) => new(pattern, wildcardsSkipDotNames: false, trailingDoubleStarNeedsASegment: false);

    /// <summary>A PEP 639 portable glob as globset matches it with <c>literal_separator</c> (uv_build).</summary>
    public static SegmentGlob Portable(string pattern) => new(pattern, wildcardsSkipDotNames: false, trailingDoubleStarNeedsASegment: true);

    public static bool HasMagic(string segment) => segment.AsSpan().IndexOfAny('*', '?', '[') >= 0;

    public bool IsMatch(string relativePath)
    {
        string[] path = relativePath.Split('/');
        return Match(0, path, 0);
    }

    private bool Match(int patternIndex, string[] path, int pathIndex)
    {
        if (patternIndex == _segments.Length)
        {
            return pathIndex == path.Length;
        }

        string segment = _segments[patternIndex];
        if (segment == "**")
        {
            bool last = patternIndex == _segments.Length - 1;
            if (!(last && _trailingDoubleStarNeedsASegment) && Match(patternIndex + 1, path, pathIndex))
            {
                return true;
            }

            for (int end = pathIndex; end < path.Length; end++)
            {
                if (_wildcardsSkipDotNames && path[end].StartsWith('.'))
                {
                    return false;
                }

                if (Match(patternIndex + 1, path, end + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (pathIndex == path.Length)
        {
            return false;
        }

        string name = path[pathIndex];
        bool magic = HasMagic(segment);
        if (magic && _wildcardsSkipDotNames && name.StartsWith('.') && !segment.StartsWith('.'))
        {
            return false;
        }

        bool matched = magic ? Wildmatch.IsMatch(segment, name) : string.Equals(segment, name, StringComparison.Ordinal);
        return matched && Match(patternIndex + 1, path, pathIndex + 1);
    }
}
