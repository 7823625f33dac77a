namespace PackDaemon.Packaging.Selection;

public static partial class FileSelector
{
    /// <summary>
    /// True when the walk never packages <paramref name="relativePath"/> whatever the configuration says: it lies in an
    /// always-excluded folder (<c>.git</c>, <c>__pycache__</c>, <c>.venv</c>, <c>dist</c> at the root...) or is a
    /// compiled Python file. The daemon drops watcher hints for such paths without re-selecting.
    /// </summary>
    /// <param name="relativePath">Relative to the project root, <c>/</c>-separated.</param>
    public static bool IsNeverPackaged(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (AlwaysExcluded.FolderReason(parts[i], atProjectRoot: i == 0) is not null)
            {
                return true;
            }
        }

        return parts.Length > 0
            && (AlwaysExcluded.FileReason(parts[^1]) is not null || AlwaysExcluded.FolderReason(parts[^1], parts.Length == 1) is not null);
    }
}
