using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PackDaemon.Packaging.Standards;

/// <summary>A PEP 508 dependency specifier.</summary>
/// <param name="Name">The name as written (validated).</param>
/// <param name="Extras">Normalized extra names, sorted.</param>
/// <param name="Specifier">Version specifier in canonical text (e.g. <c>&lt;2,&gt;=1.0</c>), empty when none.</param>
/// <param name="Url">The <c>@ url</c> part, or null.</param>
/// <param name="Marker">The environment marker in canonical text, or null.</param>
public sealed record Requirement(string Name, IReadOnlyList<string> Extras, string Specifier, string? Url, string? Marker)
{
    /// <summary>The PEP 503 normalized name, for comparisons.</summary>
    public string NormalizedName => ProjectName.Normalize(Name);

    /// <summary>Parses and validates. On failure <paramref name="error"/> says what is wrong and <paramref name="errorColumn"/> is the 1-based column in <paramref name="text"/>.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Requirement? requirement, [NotNullWhen(false)] out string? error, out int errorColumn)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new RequirementParser(text);
        requirement = parser.Parse();
        if (requirement is null)
        {
            error = parser.Error ?? "invalid requirement";
            errorColumn = parser.ErrorPosition + 1;
            return false;
        }

        error = null;
        errorColumn = 0;
        return true;
    }

    /// <summary>The canonical <c>Requires-Dist</c> value: <c>name[extras]specifier; marker</c> (a space before <c>;</c> after a URL).</summary>
    /// <remarks>
    /// Matches <c>str()</c> of packaging's Requirement (extras sorted and comma-joined, specifiers sorted and comma-joined,
    /// markers with double quotes), except that a URL is written <c>name @ url</c> with spaces on both sides for readability.
    /// </remarks>
    public string ToMetadataString()
    {
        var sb = new StringBuilder(Name.Length + Specifier.Length + (Url?.Length ?? 0) + (Marker?.Length ?? 0) + 16);
        sb.Append(Name);
        if (Extras.Count > 0)
        {
            sb.Append('[');
            for (int i = 0; i < Extras.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(Extras[i]);
            }

            sb.Append(']');
        }

        if (Url is not null)
        {
            // PEP 508: after a URL the ';' must follow whitespace, or it would be read as part of the URL.
            sb.Append(" @ ").Append(Url);
            if (Marker is not null)
            {
                sb.Append(" ; ").Append(Marker);
            }

            return sb.ToString();
        }

        sb.Append(Specifier);
        if (Marker is not null)
        {
            sb.Append("; ").Append(Marker);
        }

        return sb.ToString();
    }

    /// <summary>This requirement restricted to an extra: marker <c>extra == "x"</c>, or <c>(M) and extra == "x"</c>.</summary>
    /// <remarks>The parentheses are mandatory: <c>or</c> binds looser than <c>and</c>, so <c>a or b and extra == "x"</c> would leak.</remarks>
    public Requirement WithExtra(string normalizedExtra)
    {
        ArgumentNullException.ThrowIfNull(normalizedExtra);
        if (!ExtraName.IsValid(normalizedExtra))
        {
            throw new ArgumentException($"'{normalizedExtra}' is not a valid extra name.", nameof(normalizedExtra));
        }

        string extra = ExtraName.Normalize(normalizedExtra);
        string clause = "extra == \"" + extra + "\"";
        return this with { Marker = Marker is null ? clause : "(" + Marker + ") and " + clause };
    }

    /// <summary>This requirement as hatchling spells it in <c>Requires-Dist</c>: the project name PEP 503-normalized
    /// (<c>Django</c> becomes <c>django</c>), extras normalized, the specifier lower-cased (<c>1.0RC1</c> becomes <c>1.0rc1</c>).
    /// One requirement either way (PEP 508 compares normalized names); this makes the bytes match too.</summary>
    public Requirement WithNormalizedNames() => this with
    {
        Name = ProjectName.Normalize(Name),
        Extras = Extras.Select(ExtraName.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Specifier = Specifier.ToLowerInvariant(),
    };

    public override string ToString() => ToMetadataString();

    /// <summary>Value equality including the extras' contents (a record compares lists by reference).</summary>
    public bool Equals(Requirement? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Extras.SequenceEqual(other.Extras, StringComparer.Ordinal)
        && string.Equals(Specifier, other.Specifier, StringComparison.Ordinal)
        && string.Equals(Url, other.Url, StringComparison.Ordinal)
        && string.Equals(Marker, other.Marker, StringComparison.Ordinal);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(Name, StringComparer.Ordinal);
        foreach (string extra in Extras)
        {
            hash.Add(extra, StringComparer.Ordinal);
        }

        hash.Add(Specifier, StringComparer.Ordinal);
        hash.Add(Url, StringComparer.Ordinal);
        hash.Add(Marker, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
