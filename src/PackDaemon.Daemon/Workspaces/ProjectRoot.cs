namespace PackDaemon.Daemon.Workspaces;

/// <summary>What counts as a workspace root: an absolute path to a folder holding pyproject.toml (or a setuptools
/// setup.cfg, which PEP 517's fallback builds without one), compared as its
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

        if (!File.Exists(Path.Combine(full, "pyproject.toml")) && !File.Exists(Path.Combine(full, "setup.cfg")))
        {
            problem = $"'{full}' holds no pyproject.toml (nor setup.cfg).";
            return null;
        }

        return full;
    }
}
