using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Requirements;

/// <summary>Strict reader of pip requirements files as <c>pip freeze</c> writes them.</summary>
/// <remarks>
/// Only lines that can become a <c>Requires-Dist</c> are accepted. Everything pip understands but metadata cannot carry
/// (editables, paths, index options, constraints) is an error naming the file, line, column and the fix.
/// Safe to call in parallel: each call has its own state.
/// </remarks>
public static class RequirementsFileParser
{
    /// <param name="projectRoot">Absolute project root; includes may not leave it.</param>
    /// <param name="relativePath">The file, relative to <paramref name="projectRoot"/>.</param>
    public static RequirementsFileResult Parse(string projectRoot, string relativePath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reader = new RequirementsFileReader(projectRoot, diagnostics);
        return reader.Read(relativePath);
    }
}
