namespace PackDaemon.Packaging.Projects;

/// <summary>Where a value starts in pyproject.toml (1-based).</summary>
/// <param name="VerbatimString">True for a one-line string without escapes, so a column inside its text maps to the file.</param>
internal readonly record struct TomlLocation(int Line, int Column, bool VerbatimString);
