using System.Globalization;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// The one .gitignore hatchling 1.12 reads: the first found walking up from the project root (<c>locate_file</c>),
/// whether or not a git repository is there. Its patterns are matched against project-relative paths even when the
/// file sits in a parent folder, and .gitignore files in subfolders are not read at all.
/// </summary>
internal static class HatchGitIgnore
{
    /// <returns>Its pattern lines with their origin, and whether the file is the project's own (the sdist carries it).</returns>
    public static (List<(string Line, int LineNumber, string Origin)> Patterns, bool InProject) Locate(string projectRoot, DiagnosticBag diagnostics)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot));
        for (string? dir = root; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            string candidate = Path.Join(dir, ".gitignore");
            if (!File.Exists(candidate))
            {
                continue;
            }

            string display = Path.GetRelativePath(root, candidate).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                return (Read(Inputs.ProjectInput.ReadAllText(dir, candidate), display), string.Equals(dir, root, StringComparison.Ordinal));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(DiagnosticCodes.SelectionReadFailed, $"Cannot read the ignore file: {ex.Message}", display,
                    fix: "Make the file readable; until then its rules are not applied.");
                return ([], false);
            }
        }

        return ([], false);
    }

    public static List<(string Line, int LineNumber, string Origin)> Read(string content, string display)
    {
        var lines = new List<(string, int, string)>();
        string[] split = content.TrimStart('\uFEFF').Split('\n');
        for (int i = 0; i < split.Length; i++)
        {
            lines.Add((split[i], i + 1, string.Create(CultureInfo.InvariantCulture, $"{display}:{i + 1}")));
        }

        return lines;
    }
}
