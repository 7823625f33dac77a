namespace PackDaemon.Packaging.Selection.Poetry;

/// <summary>One <c>[tool.poetry] include</c> entry: a pathlib glob from the project root; <c>Formats</c> empty means the
/// entry is not restricted (its matched files go in both artifacts, its matched folders in the sdist only).</summary>
public sealed record PoetryIncludeSpec(string Path, IReadOnlyList<string> Formats)
{
    public bool Equals(PoetryIncludeSpec? other)
        => other is not null && Path == other.Path && Formats.SequenceEqual(other.Formats);

    public override int GetHashCode() => HashCode.Combine(Path, Formats.Count);
}
