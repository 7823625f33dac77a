using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Pdm;

/// <summary>
/// Present when the project builds with pdm-backend (<c>build-backend = "pdm.backend"</c>): the files are then chosen by
/// pdm-backend's rules from <c>[tool.pdm.build]</c> (see docs/compatibility.md#pdm-backend), not by packd's own.
/// </summary>
/// <param name="Includes">The <c>includes</c> patterns; empty means pdm-backend's default (the top-level packages of
/// <paramref name="PackageDir"/>, else its top-level <c>*.py</c> files).</param>
/// <param name="Excludes">The <c>excludes</c> patterns.</param>
/// <param name="SourceIncludes">The <c>source-includes</c> patterns; empty means <c>["tests"]</c>.</param>
/// <param name="PackageDir">Project-relative folder holding the packages, normalized; <c>""</c> is the root.</param>
/// <param name="WheelData">The <c>[tool.pdm.build.wheel-data]</c> items, in the order written.</param>
/// <param name="DataFolder">The wheel's <c>{name}-{version}.data</c> folder name.</param>
public sealed record PdmBuildOptions(
    IReadOnlyList<string> Includes,
    IReadOnlyList<string> Excludes,
    IReadOnlyList<string> SourceIncludes,
    string PackageDir,
    IReadOnlyList<PdmWheelData> WheelData,
    string DataFolder) : BackendRules
{
    public override string BackendName => "pdm-backend";

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => PdmSelector.Evaluate(options, this, diagnostics);

    // The daemon re-selects when the options differ, so equality must compare the lists' contents, not references.
    public bool Equals(PdmBuildOptions? other)
        => other is not null
            && Includes.SequenceEqual(other.Includes)
            && Excludes.SequenceEqual(other.Excludes)
            && SourceIncludes.SequenceEqual(other.SourceIncludes)
            && string.Equals(PackageDir, other.PackageDir, StringComparison.Ordinal)
            && WheelData.SequenceEqual(other.WheelData)
            && string.Equals(DataFolder, other.DataFolder, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Includes.Count, Excludes.Count, SourceIncludes.Count, PackageDir, WheelData.Count, DataFolder);
}
