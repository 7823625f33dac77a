using System.Text;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Selection.Poetry;

/// <summary>
/// A glob with Python pathlib's <c>Path.glob</c> meaning, which poetry-core uses for packages, include and exclude:
/// <c>*</c>, <c>?</c> and <c>[...]</c> inside one path segment (hidden names included), <c>**</c> as a whole segment for
/// any number of folders; a pattern ending in <c>**</c> or <c>/</c> matches folders only.
/// </summary>
internal sealed class PoetryGlob
{
    private readonly Regex _regex;
    private readonly bool _foldersOnly;

    public PoetryGlob(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(static s => s != ".").ToArray();
        // Python 3.11's Path.glob returns only folders for a pattern ending in `**` or in a slash.
        _foldersOnly = segments.Length > 0 && (segments[^1] == "**" || pattern.EndsWith('/'));
        var sb = new StringBuilder("^");
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // Zero or more folders; at the end, the folder itself or any folder below it.
                sb.Append(last ? "(?:[^/]+(?:/[^/]+)*)?" : "(?:[^/]+/)*");
                continue;
            }

            sb.Append(Segment(segments[i]));
            if (!last)
            {
                sb.Append('/');
            }
        }

        var text = sb.ToString();
        if (text.EndsWith("/(?:[^/]+(?:/[^/]+)*)?", StringComparison.Ordinal))
        {
            // `pkg/**` matches pkg itself too.
            text = text[..^"/(?:[^/]+(?:/[^/]+)*)?".Length] + "(?:/[^/]+)*";
        }

        _regex = new Regex(text + "$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    /// <summary>Does the pattern match this project-relative path (a file, or a folder when <paramref name="isFolder"/>)?</summary>
    public bool Matches(string path, bool isFolder) => (isFolder || !_foldersOnly) && path.Length > 0 && _regex.IsMatch(path);

    private static string Segment(string segment)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 2);
                    if (close < 0)
                    {
                        sb.Append(@"\[");
                        break;
                    }

                    var set = segment[(i + 1)..close];
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return sb.ToString();
    }
}
