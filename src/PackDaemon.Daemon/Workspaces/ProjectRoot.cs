using PackDaemon.Packaging.Projects;

namespace PackDaemon.Daemon.Workspaces;

/// <summary>What counts as a workspace root: an absolute path to a folder holding one of <see cref="ProjectMarkers"/>
/// (pyproject.toml, setup.cfg or setup.py), compared as its
/// full path so that <c>/p/app</c>, <c>/p/app/</c> and <c>/p/x/../app</c> are one workspace.</summary>
internal static class ProjectRoot
{
    /// <returns>The full path, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static string? Normalize(string? root, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(root) || !Path.IsPathFullyQualified(root))
        {
            problem = $"root must be an absolute path, not '{root}'.";
            return null;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (full.Length == 0)
        {
            full = "/";
        }

        if (!Directory.Exists(full))
        {
            problem = $"'{full}' is not a folder.";
            return null;
        }

        if (!ProjectMarkers.IsProjectRoot(full))
        {
            problem = $"'{full}' holds no pyproject.toml, setup.cfg or setup.py.";
            return null;
        }

        return full;
    }
}
