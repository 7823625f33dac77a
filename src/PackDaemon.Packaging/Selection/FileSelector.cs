using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Walks the project tree once and decides each file's fate for the wheel and the sdist: always-excluded folders,
/// ignore files at every depth, config globs, package discovery, and the symlink boundary.
/// </summary>
public static class FileSelector
{
    public static FileSelection Select(SelectionOptions options, DiagnosticBag diagnostics) => throw new NotImplementedException();

    public static FileExplanation Explain(SelectionOptions options, string relativePath) => throw new NotImplementedException();
}
