using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Turns the watcher's hints into work, trusting none of them: every hinted path is stat'ed again and compared with
/// the index. Files are only hashed later, when read for the build; the exceptions are the selection and metadata
/// inputs (ignore files, pyproject.toml, readme...), hashed here because their hash decides whether to load and walk again.
/// </summary>
internal static class HintReconciler
{
    private const string Pyproject = "pyproject.toml";

    public static ReconcileOutcome Reconcile(BuildState state, string root, string outputDirectory, ChangeHints hints)
    {
        var project = state.Project!;
        var metadataInputs = new HashSet<string>(project.MetadataInputs, StringComparer.Ordinal) { Pyproject };
        string? outputPrefix = RelativeFolder(root, outputDirectory);
        bool reload = false, reselect = false;
        int changedInputs = 0;
        var suspects = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var inputUpdates = new Dictionary<string, IndexedFile?>(StringComparer.Ordinal);

        foreach (string hint in hints.RelativePaths)
        {
            string path = Normalize(hint);
            if (path.Length == 0)
            {
                reload = reselect = true; // the root itself
                continue;
            }

            bool configuration = IsSelectionInput(path) || path is "setup.cfg" or "MANIFEST.in";
            // A module a computed version depends on counts as metadata: loading again re-asks (or re-checks) the value.
            bool metadata = metadataInputs.Contains(path) || project.IsEvaluationInput(path);
            if (!configuration && !metadata && (FileSelector.IsNeverPackaged(path) || IsUnder(path, outputPrefix)))
            {
                continue;
            }

            var kind = FileStatus.Stat(Path.Join(root, path), out var stamp);
            state.Files.TryGetValue(path, out var known);
            if (configuration || metadata)
            {
                if (known is not null && kind == FileStatus.Kind.File && stamp.Executable != known.Stamp.Executable)
                {
                    reselect = true; // chmod: the mode is part of the sdist member, and the selection carries it
                }

                if (InputChanged(inputUpdates, root, path, kind, stamp, known))
                {
                    // Also a suspect: if an artifact carries it, it is read, scanned and compressed again.
                    suspects.Add(path);
                    changedInputs++;
                    reselect |= configuration || known is null || kind != FileStatus.Kind.File;
                    reload |= metadata || path is Pyproject or "setup.cfg" or "MANIFEST.in";
                }

                continue;
            }

            if (known is not null)
            {
                if (kind != FileStatus.Kind.File)
                {
                    // Deleted, or replaced by a folder: the set of files changed.
                    changedInputs++;
                    reselect = true;
                    reload |= project.LicenseFiles.Contains(path);
                }
                else if (stamp.Executable != known.Stamp.Executable)
                {
                    // chmod: the mode is part of the entry, and the selection carries it.
                    reselect = true;
                }
                else if (stamp != known.Stamp || known.Racy)
                {
                    suspects.Add(path);
                }

                continue;
            }

            switch (kind)
            {
                case FileStatus.Kind.Missing when !HasIndexedFileUnder(state, path):
                    break; // nothing was there, nothing is: a temp file come and gone
                case FileStatus.Kind.File when state.KnownUnselected.Contains(path):
                    break; // an ignored file's content cannot change an artifact
                case FileStatus.Kind.File:
                    unknown.Add(path);
                    reselect = reload = true; // a new file (license globs can pick it up too)
                    break;
                default:
                    reselect = reload = true; // a folder created, deleted or renamed: anything under it may have
                    break;
            }
        }

        return new ReconcileOutcome(reload, reselect, suspects, unknown, changedInputs, inputUpdates);
    }

    /// <summary>Ignore files at any depth and git's own exclude file: a change re-runs the selection.</summary>
    public static bool IsSelectionInput(string path)
        => path == ".git/info/exclude" || path == ".gitignore" || path.EndsWith("/.gitignore", StringComparison.Ordinal);

    /// <summary>Hashes an input whose stamp moved and says whether its content (or presence) changed. The new index
    /// entry goes to <paramref name="updates"/>, applied only once the build has loaded and selected with it: a build
    /// cancelled before that must leave the index describing the project it still holds.</summary>
    private static bool InputChanged(Dictionary<string, IndexedFile?> updates, string root, string path, FileStatus.Kind kind, FileStamp stamp, IndexedFile? known)
    {
        if (kind != FileStatus.Kind.File)
        {
            updates[path] = null;
            return known is not null || kind == FileStatus.Kind.Directory;
        }

        if (known is not null && known.Stamp == stamp && !known.Racy)
        {
            return false;
        }

        Sha256Value sha;
        try
        {
            sha = FileDigest.Of(Path.Join(root, path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable now: let the load and walk report it.
            return true;
        }

        if (known is not null && known.Sha256 == sha)
        {
            // Same bytes under a new stamp: a fact about the file whatever the build does next.
            known.Stamp = stamp;
            known.Racy = false;
            return false;
        }

        // A null scan and no segment: the read phase scans and compresses it again if an artifact carries it.
        updates[path] = new IndexedFile(stamp, sha) { Racy = true };
        return true;
    }

    private static bool HasIndexedFileUnder(BuildState state, string folder)
    {
        string prefix = folder + "/";
        foreach (string path in state.Files.Keys)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string hint)
    {
        string path = hint.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.Trim('/');
    }

    private static string? RelativeFolder(string root, string folder)
    {
        string relative = Path.GetRelativePath(root, folder).Replace('\\', '/');
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    private static bool IsUnder(string path, string? folder)
        => folder is not null && (path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal));
}
