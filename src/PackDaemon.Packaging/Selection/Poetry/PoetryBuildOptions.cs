using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Poetry;

/// <summary>
/// Present when the project builds with poetry-core: the files are then chosen by poetry-core 1.4's rules (see
/// docs/compatibility.md#poetry-core) instead of packd's own.
/// </summary>
/// <param name="ModuleName">The project name as poetry-core derives the default package from it (<c>flask_app</c>).</param>
/// <param name="Packages">Empty means poetry-core's default discovery (the package or module named after the project, at
/// the root or under src/).</param>
/// <param name="SdistExtras">Files poetry-core's sdist always adds when they exist: pyproject.toml, the readme, LICENSE*.</param>
public sealed record PoetryBuildOptions(
    string ModuleName,
    IReadOnlyList<PoetryPackageSpec> Packages,
    IReadOnlyList<PoetryIncludeSpec> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> SdistExtras) : BackendRules
{
    public override string BackendName => "poetry-core";

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => new PoetrySelector(options, this, diagnostics).Evaluate();

    public bool Equals(PoetryBuildOptions? other)
        => other is not null
            && ModuleName == other.ModuleName
            && Packages.SequenceEqual(other.Packages)
            && Include.SequenceEqual(other.Include)
            && Exclude.SequenceEqual(other.Exclude)
            && SdistExtras.SequenceEqual(other.SdistExtras);

    public override int GetHashCode() => HashCode.Combine(ModuleName, Packages.Count, Include.Count, Exclude.Count);
}
