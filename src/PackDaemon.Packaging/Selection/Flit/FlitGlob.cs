using System.Text;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>
/// Python 3.11's <c>glob.glob(root/pattern, recursive=True)</c>, which flit_core 3.8 uses for <c>[tool.flit.sdist]</c>
/// include and exclude, run over the project's files instead of the disk. Its rules, which differ from gitignore's:
/// a component with <c>*</c>, <c>?</c> or <c>[...]</c> is an fnmatch pattern that skips names starting with a dot
/// (unless the component itself starts with one); <c>**</c> alone as a component matches the folder itself and every
/// non-hidden file and folder below it; <c>**</c> inside a component (<c>**.pyc</c>) is just <c>*</c>; a component
/// without wildcards names an entry exactly, hidden or not. Matches can be files or folders.
/// </summary>
internal sealed class FlitGlob
{
    private readonly Dictionary<string, SortedSet<string>> _children = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal) { string.Empty };
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    /// <param name="files">Every file the project offers, relative to the root with <c>/</c>; folders are their parents.</param>
    public FlitGlob(IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            _files.Add(file);
            string child = file;
            while (true)
            {
                int slash = child.LastIndexOf('/');
                string parent = slash < 0 ? string.Empty : child[..slash];
                if (!_children.TryGetValue(parent, out var names))
                {
                    names = new SortedSet<string>(StringComparer.Ordinal);
                    _children[parent] = names;
                }

                names.Add(slash < 0 ? child : child[(slash + 1)..]);
                if (slash < 0 || !_folders.Add(parent))
                {
                    break;
                }

                child = parent;
            }
        }
    }

    /// <summary>The files and folders a normalized pattern (see <see cref="Normalize"/>) matches; the root folder is ".".</summary>
    public (HashSet<string> Files, HashSet<string> Folders) Match(string pattern)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        if (pattern == ".")
        {
            folders.Add(".");
            return (files, folders);
        }

        string[] components = pattern.Split('/');
        foreach (string path in Expand(string.Empty, components, 0))
        {
            if (_folders.Contains(path))
            {
                folders.Add(path.Length == 0 ? "." : path);
            }
            else
            {
                files.Add(path);
            }
        }

        return (files, folders);
    }

    /// <summary>Python's <c>os.path.normpath</c> of a relative pattern: no empty or <c>.</c> components, <c>..</c> folded.</summary>
    public static string Normalize(string pattern)
    {
        var parts = new List<string>();
        foreach (string part in pattern.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? "." : string.Join('/', parts);
    }

    private IEnumerable<string> Expand(string folder, string[] components, int index)
    {
        if (index == components.Length)
        {
            yield return folder;
            yield break;
        }

        string component = components[index];
        bool last = index == components.Length - 1;
        if (component == "**")
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string below in Recursive(folder, foldersOnly: !last).Prepend(folder))
            {
                foreach (string match in Expand(below, components, index + 1))
                {
                    if (seen.Add(match))
                    {
                        yield return match;
                    }
                }
            }

            yield break;
        }

        bool wildcard = component.AsSpan().IndexOfAny("*?[") >= 0;
        var regex = wildcard ? FnMatch(component) : null;
        foreach (string name in (IEnumerable<string>?)_children.GetValueOrDefault(folder) ?? [])
        {
            if (wildcard ? (name[0] == '.' && component[0] != '.') || !regex!.IsMatch(name) : name != component)
            {
                continue;
            }

            string path = Join(folder, name);
            if (!last && !_folders.Contains(path))
            {
                continue;
            }

            foreach (string match in Expand(path, components, index + 1))
            {
                yield return match;
            }
        }
    }

    private IEnumerable<string> Recursive(string folder, bool foldersOnly)
    {
        foreach (string name in (IEnumerable<string>?)_children.GetValueOrDefault(folder) ?? [])
        {
            string path = Join(folder, name);
            bool isFolder = _folders.Contains(path);
            if (name[0] == '.' || (foldersOnly && !isFolder))
            {
                continue;
            }

            yield return path;
            if (isFolder)
            {
                foreach (string below in Recursive(path, foldersOnly))
                {
                    yield return below;
                }
            }
        }
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;

    /// <summary>Python's fnmatch.translate for one path component, case-sensitive as on POSIX.</summary>
    internal static Regex FnMatch(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else if (c == '[' && ClassEnd(pattern, i) is var end and > 0)
            {
                string inside = pattern[(i + 1)..end].Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
                inside = inside[0] == '!' ? "^" + inside[1..] : inside[0] == '^' ? "\\" + inside : inside;
                regex.Append('[').Append(inside).Append(']');
                i = end;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // fnmatch: a class starts after '[', an initial '!' and an initial ']' belong to it; no closing ']' means a literal '['.
    private static int ClassEnd(string pattern, int open)
    {
        int j = open + 1;
        if (j < pattern.Length && pattern[j] == '!')
        {
            j++;
        }

        if (j < pattern.Length && pattern[j] == ']')
        {
            j++;
        }

        while (j < pattern.Length && pattern[j] != ']')
        {
            j++;
        }

        return j < pattern.Length ? j : -1;
    }
}
