using PackDaemon.Packaging.Scripts;

namespace PackDaemon.Packaging.Selection;

/// <summary>A file chosen for an artifact.</summary>
/// <param name="ArchivePath">Path inside the artifact: for the wheel relative to its root, for the sdist relative to the top folder.</param>
/// <param name="Rule">Human-readable reason it was chosen, shown by <c>packd explain</c>.</param>
public sealed record SelectedFile(string ArchivePath, SourceFile Source, string Rule)
{
    /// <summary>How the wheel entry's bytes differ from the file's (a script's shebang); None for the sdist.</summary>
    public ScriptRewrite Rewrite { get; init; }
}
