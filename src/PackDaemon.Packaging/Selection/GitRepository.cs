namespace PackDaemon.Packaging.Selection;

/// <summary>Finds the git work tree holding the project, without the git program.</summary>
internal sealed record GitRepository(string WorkTreeRoot, string? InfoExcludePath)
{
    /// <summary>Looks for a <c>.git</c> folder or worktree <c>.git</c> file at or above <paramref name="projectRoot"/>.</summary>
    public static GitRepository? Find(string projectRoot)
    {
        for (var dir = new DirectoryInfo(projectRoot); dir is not null; dir = dir.Parent)
        {
            string dotGit = Path.Join(dir.FullName, ".git");
            if (Directory.Exists(dotGit))
            {
                return new GitRepository(dir.FullName, ExistingOrNull(Path.Join(dotGit, "info", "exclude")));
            }

            if (File.Exists(dotGit))
            {
                return new GitRepository(dir.FullName, FromGitFile(dir.FullName, dotGit));
            }
        }

        return null;
    }

    // A linked worktree's .git file says "gitdir: <path>"; its info/exclude lives in the common dir the gitdir names.
    private static string? FromGitFile(string workTree, string dotGitFile)
    {
        string? gitDir = null;
        string? text = ReadSmall(workTree, dotGitFile);
        foreach (string line in (text ?? "").Split('\n'))
        {
            if (line.StartsWith("gitdir:", StringComparison.Ordinal))
            {
                gitDir = line["gitdir:".Length..].Trim();
                break;
            }
        }

        if (string.IsNullOrEmpty(gitDir))
        {
            return null;
        }

        gitDir = Path.GetFullPath(Path.IsPathRooted(gitDir) ? gitDir : Path.Join(workTree, gitDir));
        string commonDirFile = Path.Join(gitDir, "commondir");
        string commonDir = gitDir;
        if (File.Exists(commonDirFile))
        {
            string relative = ReadSmall(gitDir, commonDirFile)?.Trim() ?? ".";
            commonDir = Path.GetFullPath(Path.IsPathRooted(relative) ? relative : Path.Join(gitDir, relative));
        }

        return ExistingOrNull(Path.Join(commonDir, "info", "exclude")) ?? ExistingOrNull(Path.Join(gitDir, "info", "exclude"));
    }

    // These files hold one path; a FIFO or a link to /dev/zero in their place must not hang the walk.
    private static string? ReadSmall(string boundary, string path)
    {
        try
        {
            return Inputs.ProjectInput.ReadAllText(boundary, path, limit: 64 * 1024);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? ExistingOrNull(string path) => File.Exists(path) ? path : null;
}
