namespace PackDaemon.Engine.Watching;

/// <summary>
/// Tells whether git is in the middle of changing the tree (a checkout, rebase or merge), so the settle window can
/// hold a batch until git is done and build one consistent tree instead of a half-applied one.
/// </summary>
/// <remarks>
/// The git folder is found once: the root's own <c>.git</c> folder, a linked worktree's <c>.git</c> file
/// (<c>gitdir: ...</c>), or the nearest ancestor's when the project is a subfolder of a repository. Markers outside the
/// root raise no watcher event, so the settle window also re-checks periodically while it defers.
/// </remarks>
internal sealed class GitActivity
{
    private static readonly string[] s_markers = ["index.lock", "rebase-merge", "rebase-apply", "MERGE_HEAD", "CHERRY_PICK_HEAD"];

    private readonly string? _gitDirectory;

    public GitActivity(string root) => _gitDirectory = FindGitDirectory(root);

    public string? GitDirectory => _gitDirectory;

    /// <summary>True for a name directly under <c>.git</c> whose appearance or removal can end a deferral.</summary>
    public static bool IsMarkerName(string name) => Array.IndexOf(s_markers, name) >= 0;

    /// <summary>True while git holds its index lock: a checkout, reset or commit is writing the tree right now. Unlike
    /// a merge or rebase in progress (which can last while the user resolves conflicts), it is always short.</summary>
    public bool IsIndexLocked() => _gitDirectory is not null && File.Exists(Path.Combine(_gitDirectory, "index.lock"));

    /// <summary>True while any marker exists. Costs a handful of stats.</summary>
    public bool IsBusy()
    {
        if (_gitDirectory is null)
        {
            return false;
        }

        foreach (var marker in s_markers)
        {
            if (Path.Exists(Path.Combine(_gitDirectory, marker)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? FindGitDirectory(string root)
    {
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(candidate))
            {
                return ReadGitFile(candidate, dir.FullName);
            }
        }

        return null;
    }

    private static string? ReadGitFile(string gitFile, string folder)
    {
        try
        {
            const string prefix = "gitdir:";
            var line = File.ReadLines(gitFile).FirstOrDefault()?.Trim();
            if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            return Path.GetFullPath(line[prefix.Length..].Trim(), folder);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
