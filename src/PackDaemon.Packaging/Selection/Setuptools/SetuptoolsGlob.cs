using System.Text;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// The three pattern languages setuptools uses, matched against project-relative <c>/</c>-separated file paths:
/// Python's <c>glob</c> (package-data, data-files, MANIFEST.in's include/recursive-include/graft), <c>fnmatch</c> over a
/// whole path (exclude-package-data; packages.find over dotted names), and setuptools' own <c>translate_pattern</c>
/// (MANIFEST.in's exclude, global-*, prune). They differ on purpose and the differences change which files go in:
/// the standard glob's wildcards skip hidden names (setuptools' own copy does not), fnmatch's <c>*</c> crosses <c>/</c>, translate_pattern's classes hold no ranges.
/// </summary>
internal static class SetuptoolsGlob
{
    /// <summary>Python <c>glob(pattern, recursive)</c>: does <paramref name="path"/> (a file) match?</summary>
    /// <param name="includeHidden">True for <c>setuptools.glob</c>, the copy MANIFEST.in's include, recursive-include
    /// and graft use, which "does not ignore hidden files" (setuptools 66 and 84 alike put <c>app/.env</c> in the sdist
    /// for <c>recursive-include app *</c>); false for the standard library's, which package-data uses.</param>
    public static bool GlobMatches(string pattern, string path, bool recursive, bool includeHidden = false)
    {
        var patternParts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathParts = path.Split('/');
        return MatchParts(patternParts, 0, pathParts, 0, recursive, includeHidden);
    }

    /// <summary>Python <c>glob(pattern)</c> naming a folder: the shortest folder prefix of <paramref name="path"/> it
    /// matches, or null (graft takes every file below a matched folder, hidden ones included).</summary>
    public static string? GlobMatchingFolder(string pattern, string path, bool includeHidden = false)
    {
        var patternParts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathParts = path.Split('/');
        if (patternParts.Length == 0 || patternParts.Length >= pathParts.Length)
        {
            return null;
        }

        return MatchParts(patternParts, 0, pathParts[..patternParts.Length], 0, recursive: false, includeHidden)
            ? string.Join('/', pathParts[..patternParts.Length])
            : null;
    }

    private static bool MatchParts(string[] pattern, int p, string[] path, int s, bool recursive, bool includeHidden)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        string part = pattern[p];
        if (recursive && part == "**")
        {
            // Zero or more folders (or, last, any depth of files); glob's recursive walk skips hidden names.
            for (int k = s; k <= path.Length; k++)
            {
                if (MatchParts(pattern, p + 1, path, k, recursive, includeHidden))
                {
                    return true;
                }

                if (k < path.Length && path[k].StartsWith('.') && !includeHidden)
                {
                    return false;
                }
            }

            return false;
        }

        if (s == path.Length)
        {
            return false;
        }

        return SegmentMatches(part, path[s], includeHidden) && MatchParts(pattern, p + 1, path, s + 1, recursive, includeHidden);
    }

    private static bool SegmentMatches(string pattern, string name, bool includeHidden)
    {
        if (pattern.IndexOfAny(['*', '?', '[']) < 0)
        {
            return pattern == name;
        }

        // A wildcard never matches a hidden name unless the pattern itself starts with a dot.
        if (name.StartsWith('.') && !pattern.StartsWith('.') && !includeHidden)
        {
            return false;
        }

        return Fnmatch(pattern).IsMatch(name);
    }

    /// <summary>Python's <c>fnmatch.fnmatchcase</c>: <c>*</c> and <c>?</c> match any character, <c>/</c> included.</summary>
    public static Regex Fnmatch(string pattern)
    {
        var regex = new StringBuilder("^(?:");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[' when ClassEnd(pattern, i) is int end:
                    string inside = pattern[(i + 1)..end];
                    regex.Append('[');
                    if (inside.StartsWith('!'))
                    {
                        regex.Append('^');
                        inside = inside[1..];
                    }
                    else if (inside.StartsWith('^'))
                    {
                        regex.Append('\\');
                    }

                    // Ranges stay ranges; only the characters .NET would read as class syntax are escaped.
                    regex.Append(inside.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal));
                    regex.Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append(")\\z").ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>setuptools' <c>translate_pattern</c>, matched from the path's start: <c>*</c> stays inside one name,
    /// a whole <c>**</c> name spans folders, and a class's characters are taken literally (no ranges).</summary>
    public static Regex ManifestPattern(string pattern)
    {
        var regex = new StringBuilder("^");
        var chunks = pattern.Split('/');
        for (int c = 0; c < chunks.Length; c++)
        {
            string chunk = chunks[c];
            bool last = c == chunks.Length - 1;
            if (chunk == "**")
            {
                regex.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            for (int i = 0; i < chunk.Length; i++)
            {
                char ch = chunk[i];
                if (ch == '*')
                {
                    regex.Append("[^/]*");
                }
                else if (ch == '?')
                {
                    regex.Append("[^/]");
                }
                else if (ch == '[' && ClassEnd(chunk, i) is int end)
                {
                    string inside = chunk[(i + 1)..end];
                    regex.Append('[');
                    if (inside.StartsWith('!'))
                    {
                        regex.Append('^');
                        inside = inside[1..];
                    }

                    foreach (char member in inside)
                    {
                        regex.Append(member is '\\' or ']' or '[' or '^' or '-' ? "\\" + member : member.ToString());
                    }

                    regex.Append(']');
                    i = end;
                }
                else
                {
                    regex.Append(Regex.Escape(ch.ToString()));
                }
            }

            if (!last)
            {
                regex.Append('/');
            }
        }

        return new Regex(regex.Append("\\z").ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    // The index of the `]` closing a class opened at `open` (a `!` and a `]` right after the `[` are members), or
    // null when there is none: the `[` is then a literal character.
    private static int? ClassEnd(string text, int open)
    {
        int j = open + 1;
        if (j < text.Length && text[j] == '!')
        {
            j++;
        }

        if (j < text.Length && text[j] == ']')
        {
            j++;
        }

        while (j < text.Length && text[j] != ']')
        {
            j++;
        }

        return j < text.Length ? j : null;
    }
}
