using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Standards;

/// <summary>A bare version specifier set, such as <c>Requires-Python</c> (<c>&gt;=3.9,&lt;4</c>).</summary>
public static class VersionSpecifiers
{
    /// <summary>
    /// Validates and writes the canonical text: specifiers sorted and comma-joined without spaces, duplicates dropped
    /// (what packaging's <c>str(SpecifierSet)</c> writes). Empty text is valid and means "any version".
    /// </summary>
    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error, out int errorColumn)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RequirementParser(text);
        normalized = parser.ParseSpecifiersOnly();
        if (normalized is null)
        {
            error = parser.Error ?? "invalid version specifier";
            errorColumn = parser.ErrorPosition + 1;
            return false;
        }

        error = null;
        errorColumn = 0;
        return true;
    }
}
