namespace PackDaemon.Packaging.Selection;

/// <summary>Names packd never descends into or packages, whatever the configuration says.</summary>
internal static class AlwaysExcluded
{
    private static readonly HashSet<string> s_folders = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".bzr",
        "__pycache__", ".venv", "node_modules", ".packd_cache",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    };

    /// <summary>Returns why a folder is skipped, or null.</summary>
    public static string? FolderReason(string name, bool atProjectRoot)
    {
        if (s_folders.Contains(name))
        {
            return name switch
            {
                ".git" or ".hg" or ".svn" or ".bzr" => $"always excluded: version control folder {name}",
                ".venv" => "always excluded: virtual environment folder .venv",
                _ => $"always excluded: {name} folder",
            };
        }

        if (name.EndsWith(".egg-info", StringComparison.Ordinal))
        {
            return "always excluded: *.egg-info folder";
        }

        // Only at the root: a package may legitimately have a "build" or "dist" subpackage.
        if (atProjectRoot && name is "dist" or "build")
        {
            return $"always excluded: {name} folder at the project root";
        }

        return null;
    }

    public static string? FileReason(string name)
    {
        if (name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal))
        {
            return "always excluded: compiled Python file (*.pyc, *.pyo)";
        }

        // A linked worktree's .git is a file naming the real git folder.
        return name == ".git" ? "always excluded: version control file .git" : null;
    }
}
