using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Projects;

/// <summary>Everything a build needs from the project's configuration.</summary>
/// <param name="DistributionName">The escaped name for file names and .dist-info (<c>flask_shop</c>).</param>
/// <param name="Version">The normalized PEP 440 version.</param>
/// <param name="LicenseFiles">License files relative to the root, sorted; copied to <c>.dist-info/licenses/</c>.</param>
/// <param name="EntryPoints">Group to (name to object reference), including console_scripts and gui_scripts.</param>
/// <param name="MetadataInputs">Files the metadata was computed from (pyproject.toml, readme, requirements files,
/// license files, version file), relative to the root: the sdist ships them and a change to one rebuilds METADATA.</param>
public sealed record LoadedProject(
    CoreMetadata Metadata,
    string DistributionName,
    string Version,
    IReadOnlyList<string> LicenseFiles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> EntryPoints,
    SelectionOptions Selection,
    IReadOnlyList<string> MetadataInputs)
{
    /// <summary>Where in .dist-info the license files go: PEP 639's <c>licenses/</c>, or the folder itself for a
    /// backend that predates it (poetry-core 1.4).</summary>
    public string LicenseFolder { get; init; } = "licenses/";

    /// <summary>The readme file whose text is METADATA's description, relative to the root; null for inline text or none.</summary>
    public string? ReadmeFile { get; init; }

    /// <summary>Values computed by running project code (<c>native+evaluated:&lt;what&gt;</c>); empty for a purely native load.</summary>
    public IReadOnlyList<EvaluatedValue> Evaluations { get; init; } = [];

    /// <summary>Files a change to which means loading again (the evaluations' inputs), beyond <see cref="MetadataInputs"/>;
    /// unlike those, the sdist is not required to carry them.</summary>
    public IReadOnlyList<string> EvaluationInputs { get; init; } = [];

    /// <summary>Package folders (<c>pkg/</c>) in which a new or removed <c>.py</c> may change an evaluated value.</summary>
    public IReadOnlyList<string> EvaluationFolders { get; init; } = [];

    /// <summary>True when <paramref name="relativePath"/> is an input of an evaluated value, or a new module beside them.</summary>
    public bool IsEvaluationInput(string relativePath)
        => EvaluationInputs.Contains(relativePath)
           || (relativePath.EndsWith(".py", StringComparison.Ordinal) && EvaluationFolders.Any(f => relativePath.StartsWith(f, StringComparison.Ordinal)));
}
