namespace PackDaemon.Packaging.Selection;

/// <summary>A file chosen for an artifact.</summary>
/// <param name="ArchivePath">Path inside the artifact: for the wheel relative to its root, for the sdist relative to the top folder.</param>
/// <param name="Rule">Human-readable reason it was chosen, shown by <c>packd explain</c>.</param>
public sealed record SelectedFile(string ArchivePath, SourceFile Source, string Rule);
