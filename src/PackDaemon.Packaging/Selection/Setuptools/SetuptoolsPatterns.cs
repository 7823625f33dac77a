namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>One key of a <c>package-data</c>, <c>exclude-package-data</c> or <c>data-files</c> table and its globs, in
/// the order written (setuptools keeps the table's order, and the first match of a file decides its place).</summary>
/// <param name="Key">A dotted package name (<c>""</c> = every package), or a data-files destination folder.</param>
public sealed record SetuptoolsPatterns(string Key, IReadOnlyList<string> Patterns)
{
    public bool Equals(SetuptoolsPatterns? other)
        => other is not null && Key == other.Key && Patterns.SequenceEqual(other.Patterns);

    public override int GetHashCode() => HashCode.Combine(Key, Patterns.Count);
}
