using PackDaemon.Packaging.Projects;

namespace PackDaemon.Cli.Lsp;

/// <summary>Which project a document belongs to: the nearest folder at or above it that holds <c>pyproject.toml</c>,
/// <c>setup.cfg</c> or <c>setup.py</c> (a requirements file may sit in <c>requirements/</c>), else the editor's workspace root when
/// that is a project. The daemon's workspaces are exactly such folders.</summary>
internal static class ProjectRoots
{
    public static bool IsProject(string folder) => ProjectMarkers.IsProjectRoot(folder);

    public static string? Find(string documentPath, string? workspaceRoot)
    {
        for (var folder = Path.GetDirectoryName(documentPath); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (IsProject(folder))
            {
                return folder;
            }
        }

        return workspaceRoot is not null && IsProject(workspaceRoot) ? workspaceRoot : null;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or inside it.</summary>
    public static bool Contains(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
