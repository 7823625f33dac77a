namespace PackDaemon.Packaging.Selection;

/// <summary>What the project's configuration says about which files go in.</summary>
/// <param name="ProjectRoot">Absolute path of the folder holding pyproject.toml.</param>
/// <param name="ImportName">The project name normalized with underscores (<c>flask_shop</c>), used for package discovery.</param>
/// <param name="ExplicitPackages">Package folders relative to the root (<c>src/app</c>) from <c>[tool.hatch.build.targets.wheel] packages</c>
/// or <c>[tool.packd] packages</c>; empty means discover.</param>
/// <param name="Include">Extra include globs (gitignore-style, relative to the root) for both artifacts.</param>
/// <param name="Exclude">Exclude globs for both artifacts.</param>
/// <param name="SdistRequiredFiles">Files the sdist must carry whatever the ignore rules say: pyproject.toml, the readme,
/// license files, requirements files the metadata reads, the version file.</param>
/// <param name="SecretsAllow">Globs of files the user allowed past the secrets guard.</param>
/// <param name="Backend">Set when the declared backend's rules choose the files (the project builds with a backend packd
/// emulates and has no [tool.packd] selection of its own); ExplicitPackages, Include and Exclude are then not used.</param>
/// <param name="ReadmeAndLicenseFiles">The readme and license files the metadata names, which backends' sdists always carry.</param>
public sealed record SelectionOptions(
    string ProjectRoot,
    string ImportName,
    IReadOnlyList<string> ExplicitPackages,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> SdistRequiredFiles,
    IReadOnlyList<string> SecretsAllow,
    BackendRules? Backend = null)
{
    public IReadOnlyList<string> ReadmeAndLicenseFiles { get; init; } = [];
}
