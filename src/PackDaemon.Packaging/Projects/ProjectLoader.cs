using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Projects;

/// <summary>Reads pyproject.toml (PEP 621) and the files it points at, without running Python.</summary>
public static class ProjectLoader
{
    /// <returns>The project, or null when an error was reported to <paramref name="diagnostics"/>.</returns>
    public static LoadedProject? Load(string projectRoot, DiagnosticBag diagnostics) => throw new NotImplementedException();
}
