namespace PackDaemon.Engine.Watching;

/// <summary>
/// Decides, from a path alone, whether a watcher event can matter, so that noise from virtual environments,
/// caches and build output is dropped in the event handler before it reaches any queue.
/// </summary>
/// <remarks>
/// The folder names mirror PackDaemon.Packaging's AlwaysExcluded (a test keeps them in step): the watcher may only drop
/// what the selector would never package, or an edit would be missed. That is why plain <c>venv</c> is not dropped by
/// name: the selector packages it unless it holds <c>pyvenv.cfg</c>, and so does this filter.
/// Two exceptions let events through from dropped folders: git's markers at the top of <c>.git</c> (git deferral)
/// and <c>.packd_cache/cookies</c> (cookie sync).
/// </remarks>
internal sealed class PathFilter
{
    public const string CookieFolder = ".packd_cache/cookies";

    private static readonly HashSet<string> s_foldersAnywhere = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", ".bzr",
        "__pycache__", ".venv", "node_modules", ".packd_cache",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    };

    private readonly string _root;

    // Relative folder → holds pyvenv.cfg. Cached because the answer costs a stat and events come in bursts; an event
    // for a pyvenv.cfg itself refreshes its folder's entry, so a venv created while watching is noticed.
    private readonly Dictionary<string, bool> _venvFolders = new(StringComparer.Ordinal);
    private readonly Lock _venvLock = new();
    private const int MaxCachedFolders = 16_384;

    public PathFilter(string root) => _root = root;

    /// <summary>Folder names dropped at any depth.</summary>
    public static IReadOnlyCollection<string> FoldersDroppedAnywhere => s_foldersAnywhere;

    /// <summary>Folder names dropped at the project root only (a package may have a <c>build</c> subpackage).</summary>
    public static IReadOnlyCollection<string> FoldersDroppedAtRoot { get; } = ["dist", "build"];

    /// <summary>True when an event for <paramref name="relativePath"/> ('/'-separated) may matter to a build,
    /// to git deferral or to cookie sync.</summary>
    public bool ShouldReport(string relativePath)
    {
        if (relativePath.Length == 0)
        {
            return false;
        }

        var segments = relativePath.Split('/');
        if (segments[0] == ".git")
        {
            return segments.Length == 2 && GitActivity.IsMarkerName(segments[1]);
        }

        if (segments[0] == ".packd_cache")
        {
            return segments.Length >= 2 && segments[1] == "cookies";
        }

        if (segments[0] is "dist" or "build")
        {
            // The folder itself (created or deleted by a build) matters no more than its contents.
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var name = segments[i];
            var isLast = i == segments.Length - 1;
            if (s_foldersAnywhere.Contains(name) || name.EndsWith(".egg-info", StringComparison.Ordinal))
            {
                return false;
            }

            if (isLast && (name.EndsWith(".pyc", StringComparison.Ordinal) || name.EndsWith(".pyo", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        if (segments[^1] == "pyvenv.cfg" && segments.Length > 1)
        {
            ForgetVenvAnswer(string.Join('/', segments, 0, segments.Length - 1));
            return false;
        }

        return !IsInsideVirtualEnvironment(segments);
    }

    /// <summary>True when a folder should not be descended into by a scan (new-folder scan, polling walk).</summary>
    public bool IsDroppedFolder(string relativeFolder) => !ShouldReport(relativeFolder) && !IsCookieFolder(relativeFolder);

    public static bool IsCookiePath(string relativePath)
        => relativePath.StartsWith(CookieFolder + "/", StringComparison.Ordinal);

    private static bool IsCookieFolder(string relativeFolder)
        => relativeFolder is ".packd_cache" or CookieFolder;

    private bool IsInsideVirtualEnvironment(string[] segments)
    {
        // Proper ancestors only, so the cache holds folders, not every file ever edited. An event on a venv folder
        // itself gets through; the builder's selection prunes it, so that costs a stat, not a wrong build.
        var prefix = "";
        for (var i = 0; i < segments.Length - 1; i++)
        {
            prefix = i == 0 ? segments[0] : prefix + "/" + segments[i];
            if (HoldsPyvenvCfg(prefix))
            {
                return true;
            }
        }

        return false;
    }

    private bool HoldsPyvenvCfg(string relativeFolder)
    {
        lock (_venvLock)
        {
            if (_venvFolders.TryGetValue(relativeFolder, out var known))
            {
                return known;
            }
        }

        var holds = File.Exists(Path.Combine(_root, relativeFolder, "pyvenv.cfg"));
        lock (_venvLock)
        {
            if (_venvFolders.Count >= MaxCachedFolders)
            {
                _venvFolders.Clear();
            }

            _venvFolders[relativeFolder] = holds;
        }

        return holds;
    }

    private void ForgetVenvAnswer(string relativeFolder)
    {
        lock (_venvLock)
        {
            _venvFolders.Remove(relativeFolder);
        }
    }
}
