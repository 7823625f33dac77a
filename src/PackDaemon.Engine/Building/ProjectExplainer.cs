using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>Answers "is this file packaged, and which rule decided it?" with the same rules the build uses.</summary>
public static class ProjectExplainer
{
    /// <returns>The explanation, or null when the project itself could not be loaded (see <paramref name="diagnostics"/>).</returns>
    public static FileExplanation? Explain(string projectRoot, string relativePath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var project = ProjectLoader.Load(projectRoot, diagnostics);
        return project is null ? null : FileSelector.Explain(project.Selection, relativePath);
    }
}
