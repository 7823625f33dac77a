using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Standards;

/// <summary>PEP 508 environment markers on their own (the text after <c>;</c> in a requirement).</summary>
public static class EnvironmentMarker
{
    /// <summary>Validates with the publishing-tool rules and writes the canonical text (double quotes, single spaces).</summary>
    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error, out int errorColumn)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RequirementParser(text);
        normalized = parser.ParseMarkerOnly();
        if (normalized is null)
        {
            error = parser.Error ?? "invalid environment marker";
            errorColumn = parser.ErrorPosition + 1;
            return false;
        }

        error = null;
        errorColumn = 0;
        return true;
    }
}
