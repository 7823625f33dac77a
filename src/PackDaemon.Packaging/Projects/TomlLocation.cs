namespace PackDaemon.Packaging.Projects;

/// <summary>Where a value starts (1-based), in pyproject.toml unless <paramref name="File"/> names another file.</summary>
/// <param name="VerbatimString">True for a one-line string without escapes, so a column inside its text maps to the file.</param>
/// <param name="File">The file the value was read from when it is not pyproject.toml: a value translated from
/// setup.cfg keeps the position of its setup.cfg line, so its diagnostics point there.</param>
internal readonly record struct TomlLocation(int Line, int Column, bool VerbatimString, string? File = null);
