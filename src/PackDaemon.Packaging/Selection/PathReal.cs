namespace PackDaemon.Packaging.Selection;

/// <summary>Resolves a path to its canonical form with every symlink component followed (what realpath(3) does).</summary>
internal static class PathReal
{
    private const int MaxLinkHops = 40;

    /// <returns>The canonical path, or null when a link in the chain dangles or loops.</returns>
    public static string? Resolve(string path)
    {
        int hops = 0;
        return Resolve(Path.GetFullPath(path), ref hops);
    }

    private static string? Resolve(string fullPath, ref int hops)
    {
        string root = Path.GetPathRoot(fullPath) ?? "/";
        string current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        foreach (string part in parts)
        {
            string next = Path.Join(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++hops > MaxLinkHops)
                {
                    return null;
                }

                string combined = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(current, target));
                string? resolved = Resolve(combined, ref hops);
                if (resolved is null)
                {
                    return null;
                }

                next = resolved;
            }
            else if (!info.Exists && !Directory.Exists(next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public static bool IsUnder(string path, string root)
        => path.Length == root.Length
            ? string.Equals(path, root, StringComparison.Ordinal)
            : path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal)
                && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar));
}
