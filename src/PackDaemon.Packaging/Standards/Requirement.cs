using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Standards;

/// <summary>A PEP 508 dependency specifier.</summary>
/// <param name="Name">The name as written (validated).</param>
/// <param name="Extras">Normalized extra names, sorted.</param>
/// <param name="Specifier">Version specifier in canonical text (e.g. <c>&gt;=1.0,&lt;2</c>), empty when none.</param>
/// <param name="Url">The <c>@ url</c> part, or null.</param>
/// <param name="Marker">The environment marker in canonical text, or null.</param>
public sealed record Requirement(string Name, IReadOnlyList<string> Extras, string Specifier, string? Url, string? Marker)
{
    /// <summary>Parses and validates. On failure <paramref name="error"/> says what is wrong and <paramref name="errorColumn"/> is the 1-based column in <paramref name="text"/>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Requirement? requirement, [NotNullWhen(false)] out string? error, out int errorColumn)
        => throw new NotImplementedException();

    /// <summary>The canonical <c>Requires-Dist</c> value: <c>name[extras]specifier; marker</c> (a space before <c>;</c> after a URL).</summary>
    public string ToMetadataString() => throw new NotImplementedException();

    /// <summary>This requirement restricted to an extra: marker <c>extra == 'x'</c>, or <c>(M) and extra == 'x'</c>.</summary>
    public Requirement WithExtra(string normalizedExtra) => throw new NotImplementedException();
}
