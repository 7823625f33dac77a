namespace PackDaemon.Packaging.Selection;

/// <summary>
/// One <c>[tool.packd] secrets-allow</c> pattern. Our own small glob rather than Microsoft.Extensions.FileSystemGlobbing:
/// that library matches against a directory walk (or a list it re-parses per call) and cannot tell which pattern
/// matched, which the warning must name; this one is a pure function of two strings, called only for files that have findings.
/// </summary>
/// <remarks>
/// Semantics, always anchored at the project root: <c>/</c> separates segments; <c>*</c> matches any run of characters
/// within a segment, <c>?</c> one character; a <c>**</c> segment matches zero or more segments; a pattern ending in
/// <c>/</c> allows everything below that folder. Matching is ordinal (case-sensitive), like the paths in the artifacts.
/// <c>./</c>, a leading <c>/</c> and <c>\</c> separators are normalised away.
/// </remarks>
internal sealed class SecretAllowGlob
{
    private readonly string _normalized;

    public SecretAllowGlob(string pattern)
    {
        Pattern = pattern;
        string normalized = pattern.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        normalized = normalized.TrimStart('/');
        _normalized = normalized.EndsWith('/') ? normalized + "**" : normalized;
    }

    /// <summary>The pattern as the user wrote it, for the warning.</summary>
    public string Pattern { get; }

    // The same wildmatch the ignore files use (path-aware *, ?, classes, ** segments), so one glob dialect is tested once.
    public bool IsMatch(string relativePath) => Wildmatch.IsMatch(_normalized, relativePath.Replace('\\', '/'));
}
