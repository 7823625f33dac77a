namespace PackDaemon.Packaging.Selection;

/// <summary>
/// One <c>[tool.packd] secrets-allow</c> pattern. Our own small glob rather than Microsoft.Extensions.FileSystemGlobbing:
/// that library matches against a directory walk (or a list it re-parses per call) and cannot tell which pattern
/// matched, which the warning must name; this one is a pure function of two strings, called only for files that have findings.
/// </summary>
/// <remarks>
/// Semantics, always anchored at the project root: <c>/</c> separates segments; <c>*</c> matches any run of characters
/// within a segment, <c>?</c> one character; a <c>**</c> segment matches zero or more segments; a pattern ending in
/// <c>/</c> allows everything below that folder. Matching is ordinal (case-sensitive), like the paths in the artifacts.
/// <c>./</c>, a leading <c>/</c> and <c>\</c> separators are normalised away.
/// </remarks>
internal sealed class SecretAllowGlob
{
    private readonly string[] _segments;

    public SecretAllowGlob(string pattern)
    {
        Pattern = pattern;
        string normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        normalized = normalized.TrimStart('/');
        if (normalized.EndsWith('/'))
        {
            normalized += "**";
        }

        _segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The pattern as the user wrote it, for the warning.</summary>
    public string Pattern { get; }

    public bool IsMatch(string relativePath)
    {
        string[] path = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return MatchSegments(0, path, 0);
    }

    private bool MatchSegments(int patternIndex, string[] path, int pathIndex)
    {
        while (patternIndex < _segments.Length)
        {
            string segment = _segments[patternIndex];
            if (segment == "**")
            {
                for (int skip = pathIndex; skip <= path.Length; skip++)
                {
                    if (MatchSegments(patternIndex + 1, path, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (pathIndex >= path.Length || !MatchSegment(segment, path[pathIndex]))
            {
                return false;
            }

            patternIndex++;
            pathIndex++;
        }

        return pathIndex == path.Length;
    }

    /// <summary>Wildcard match of one segment, iterative with backtracking to the last <c>*</c>.</summary>
    private static bool MatchSegment(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        int p = 0;
        int n = 0;
        int star = -1;
        int starMatch = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]) && pattern[p] != '*')
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                starMatch = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++starMatch;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
