namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary><c>[tool.setuptools.packages.find]</c>: where to look and which dotted names to keep.</summary>
/// <param name="Where">Project-relative folders searched, in order (default <c>["."]</c>).</param>
/// <param name="Include">fnmatch patterns over dotted package names (default <c>["*"]</c>).</param>
/// <param name="Namespaces">True (the pyproject default) also takes folders without <c>__init__.py</c> (PEP 420).</param>
public sealed record SetuptoolsPackageFind(IReadOnlyList<string> Where, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude, bool Namespaces)
{
    public bool Equals(SetuptoolsPackageFind? other)
        => other is not null && Where.SequenceEqual(other.Where) && Include.SequenceEqual(other.Include)
            && Exclude.SequenceEqual(other.Exclude) && Namespaces == other.Namespaces;

    public override int GetHashCode() => HashCode.Combine(Where.Count, Include.Count, Exclude.Count, Namespaces);
}
