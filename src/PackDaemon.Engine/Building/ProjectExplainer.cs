using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>Answers "is this file packaged, and which rule decided it?" with the same rules the build uses, including
/// the errors the build would stop on and what the secrets guard says about this file.</summary>
public static class ProjectExplainer
{
    /// <returns>The explanation, or null when the project itself could not be loaded (see <paramref name="diagnostics"/>).</returns>
    public static FileExplanation? Explain(string projectRoot, string relativePath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var project = ProjectLoader.Load(projectRoot, diagnostics);
        if (project is null)
        {
            return null;
        }

        var explanation = FileSelector.Explain(project.Selection, relativePath, diagnostics);
        if (explanation.InWheel || explanation.InSdist)
        {
            ReportSecrets(project, explanation, diagnostics);
        }

        return explanation;
    }

    private static void ReportSecrets(LoadedProject project, FileExplanation explanation, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            var full = Path.Combine(project.Selection.ProjectRoot, explanation.RelativePath);
            bytes = new FileInfo(full).Length == 0 ? [] : SourceReader.ReadAll(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.FileUnreadable, $"cannot read '{explanation.RelativePath}': {ex.Message}", explanation.RelativePath,
                fix: "Make the file readable, or exclude it with [tool.packd] exclude.");
            return;
        }

        var guard = new SecretsGuard(project.Selection.SecretsAllow);
        var findings = guard.Scan(explanation.RelativePath, bytes);
        if (findings.Count == 0)
        {
            return;
        }

        if (explanation.InWheel)
        {
            guard.Report(findings, ArtifactKind.Wheel, diagnostics);
        }

        if (explanation.InSdist)
        {
            guard.Report(findings, ArtifactKind.Sdist, diagnostics);
        }
    }
}
