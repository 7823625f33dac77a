using System.Text;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Turns the secrets guard's findings into a build's diagnostics: for the files each artifact carries (scanned once,
/// when read, and cached with the file) and for the readme text METADATA carries into the wheel.
/// </summary>
internal static class SecretReports
{
    public static void Report(BuildRequest request, BuildState state, LoadedProject project, SecretsGuard guard, DiagnosticBag diagnostics)
    {
        ForCarriedFiles(request, state, guard, diagnostics);
        if (request.Wheel)
        {
            ForMetadata(project, guard, diagnostics);
        }
    }

    /// <summary>Reports what the scans found in the files each artifact carries. Visits only files with findings, in
    /// archive order as a walk over the selection would.</summary>
    private static void ForCarriedFiles(BuildRequest request, BuildState state, SecretsGuard guard, DiagnosticBag diagnostics)
    {
        if (state.FilesWithFindings.Count == 0)
        {
            return;
        }

        var lookup = state.Lookup;
        void ReportFor(ArtifactKind kind)
        {
            var carried = new List<(int Index, string Path)>();
            foreach (var path in state.FilesWithFindings)
            {
                if (lookup.TryGet(path, out var selected) && (kind == ArtifactKind.Wheel ? selected.WheelIndex : selected.SdistIndex) is int index and >= 0)
                {
                    carried.Add((index, path));
                }
            }

            if (carried.Count == 0)
            {
                return;
            }

            carried.Sort((a, b) => a.Index.CompareTo(b.Index));
            var findings = new List<SecretFinding>();
            foreach (var (_, path) in carried)
            {
                if (state.Files.TryGetValue(path, out var indexed) && indexed.Findings is { } found)
                {
                    findings.AddRange(found);
                }
            }

            guard.Report(findings, kind, diagnostics);
        }

        if (request.Wheel)
        {
            ReportFor(ArtifactKind.Wheel);
        }

        if (request.Sdist)
        {
            ReportFor(ArtifactKind.Sdist);
        }
    }

    /// <summary>METADATA carries the readme's whole text as the description, so a wheel ships the readme even when the
    /// readme file itself is in no artifact (<c>--wheel</c>): a key pasted into README.md went out unscanned. It is
    /// scanned as wheel content, named by the readme file (or pyproject.toml for inline text), so the diagnostic, its
    /// line and <c>secrets-allow</c> work as for any packaged file.</summary>
    private static void ForMetadata(LoadedProject project, SecretsGuard guard, DiagnosticBag diagnostics)
    {
        if (project.Metadata.Description is not { Length: > 0 } description)
        {
            return;
        }

        string file = project.ReadmeFile ?? "pyproject.toml";
        var findings = guard.Scan(file, Encoding.UTF8.GetBytes(description));
        if (findings.Count > 0)
        {
            guard.Report(findings, ArtifactKind.Wheel, diagnostics);
        }
    }
}
