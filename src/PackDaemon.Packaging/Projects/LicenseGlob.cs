namespace PackDaemon.Packaging.Projects;

/// <summary>PEP 639 portable globs (<c>*</c>, <c>?</c>, <c>**</c>, <c>[...]</c>) matched against the project tree.
/// Our own matcher because FileSystemGlobbing has no character classes, and <c>LICEN[CS]E*</c> is the default.</summary>
internal static class LicenseGlob
{
    /// <returns>Null when the pattern is valid, otherwise what is wrong.</returns>
    public static string? Validate(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "it is empty";
        }

        if (pattern[0] == '/' || pattern.Contains('\\', StringComparison.Ordinal) || (pattern.Length > 1 && pattern[1] == ':'))
        {
            return "it must be a relative path with `/` separators";
        }

        var open = -1;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (open >= 0)
            {
                if (c == ']')
                {
                    open = -1;
                }
                else if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
                {
                    return $"`{c}` is not allowed inside `[...]`";
                }

                continue;
            }

            if (c == '[')
            {
                open = i;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/' or '*' or '?' or ']'))
            {
                return $"`{c}` is not allowed in a license-files glob";
            }
        }

        if (open >= 0)
        {
            return "a `[` is never closed";
        }

        foreach (var segment in pattern.Split('/'))
        {
            if (segment is ".." or "." || segment.Length == 0)
            {
                return "it holds an empty, `.` or `..` path segment";
            }

            if (segment.Contains("**", StringComparison.Ordinal) && segment != "**")
            {
                return "`**` must be a whole path segment";
            }
        }

        return null;
    }

    /// <summary>Regular files under <paramref name="root"/> matching a validated pattern, relative with <c>/</c>.</summary>
    public static List<string> Match(string root, string pattern)
    {
        var results = new List<string>();
        Walk(root, "", pattern.Split('/'), 0, results);
        return results;
    }

    private static void Walk(string directory, string relative, string[] segments, int index, List<string> results)
    {
        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                foreach (var file in EnumerateAll(directory, relative))
                {
                    results.Add(file);
                }

                return;
            }

            Walk(directory, relative, segments, index + 1, results);
            foreach (var sub in SafeDirectories(directory))
            {
                var name = Path.GetFileName(sub);
                if (name != ".git")
                {
                    Walk(sub, Join(relative, name), segments, index, results);
                }
            }

            return;
        }

        if (last)
        {
            foreach (var file in SafeFiles(directory))
            {
                var name = Path.GetFileName(file);
                if (SegmentMatches(segment, name))
                {
                    results.Add(Join(relative, name));
                }
            }

            return;
        }

        foreach (var sub in SafeDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (SegmentMatches(segment, name))
            {
                Walk(sub, Join(relative, name), segments, index + 1, results);
            }
        }
    }

    private static IEnumerable<string> EnumerateAll(string directory, string relative)
    {
        foreach (var file in SafeFiles(directory))
        {
            yield return Join(relative, Path.GetFileName(file));
        }

        foreach (var sub in SafeDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (name == ".git")
            {
                continue;
            }

            foreach (var file in EnumerateAll(sub, Join(relative, name)))
            {
                yield return file;
            }
        }
    }

    private static string Join(string relative, string name) => relative.Length == 0 ? name : relative + "/" + name;

    private static string[] SafeFiles(string directory) => Listing(Directory.GetFiles, directory);

    private static string[] SafeDirectories(string directory) => Listing(Directory.GetDirectories, directory);

    // An unreadable folder contributes no license files; the glob then matches less, which its own check reports.
    private static string[] Listing(Func<string, string[]> list, string directory)
    {
        try
        {
            return list(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Matches one path segment: <c>*</c> any run, <c>?</c> one character, <c>[abc]</c>/<c>[a-z]</c> a class.
    /// Validation has ruled out separators and escapes, so git's wildmatch (shared with the ignore files) decides.</summary>
    internal static bool SegmentMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
        => Selection.Wildmatch.IsMatch(pattern.ToString(), name);
}
