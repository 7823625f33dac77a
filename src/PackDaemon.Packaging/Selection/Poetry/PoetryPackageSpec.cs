namespace PackDaemon.Packaging.Selection.Poetry;

/// <summary>One <c>[tool.poetry] packages</c> entry: a package, module or glob under <c>From</c> (project-relative, empty
/// for the root); <c>Formats</c> empty means both artifacts.</summary>
public sealed record PoetryPackageSpec(string Include, string From, IReadOnlyList<string> Formats)
{
    public bool Equals(PoetryPackageSpec? other)
        => other is not null && Include == other.Include && From == other.From && Formats.SequenceEqual(other.Formats);

    public override int GetHashCode() => HashCode.Combine(Include, From, Formats.Count);
}
