using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Requirements;

/// <summary>Strict reader of pip requirements files as <c>pip freeze</c> writes them.</summary>
public static class RequirementsFileParser
{
    /// <param name="projectRoot">Absolute project root; includes may not leave it.</param>
    /// <param name="relativePath">The file, relative to <paramref name="projectRoot"/>.</param>
    public static RequirementsFileResult Parse(string projectRoot, string relativePath, DiagnosticBag diagnostics)
        => throw new NotImplementedException();
}
