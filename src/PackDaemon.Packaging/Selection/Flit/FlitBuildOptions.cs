using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>
/// Present when the project builds with flit_core: the files are then chosen by flit_core 3.8's rules (the one module,
/// its data files, the sdist's include/exclude globs; see docs/compatibility.md) instead of packd's own.
/// </summary>
/// <param name="ModuleName">The import name flit packages: <c>[tool.flit.module] name</c>, else the project name with
/// <c>-</c> as <c>_</c>.</param>
/// <param name="HasSdistTable">flit adds its default excludes (<c>**/__pycache__</c>, <c>**.pyc</c>) only when
/// <c>[tool.flit.sdist]</c> exists.</param>
/// <param name="SdistInclude">Normalized glob patterns (Python's normpath).</param>
/// <param name="SdistExclude">Normalized glob patterns, without flit's defaults.</param>
/// <param name="ExternalData">The <c>[tool.flit.external-data] directory</c>, relative to the root, or null.</param>
/// <param name="DataPrefix">Where external data goes in the wheel: <c>name-1.0.data/data/</c>.</param>
public sealed record FlitBuildOptions(
    string ModuleName,
    bool HasSdistTable,
    IReadOnlyList<string> SdistInclude,
    IReadOnlyList<string> SdistExclude,
    string? ExternalData,
    string DataPrefix) : BackendRules
{
    public override string BackendName => "flit_core";

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => new FlitSelector(options, this, diagnostics).Run();

    // The daemon re-selects when the options differ, so equality must compare the lists' contents, not references.
    public bool Equals(FlitBuildOptions? other)
        => other is not null
            && ModuleName == other.ModuleName
            && HasSdistTable == other.HasSdistTable
            && SdistInclude.SequenceEqual(other.SdistInclude)
            && SdistExclude.SequenceEqual(other.SdistExclude)
            && ExternalData == other.ExternalData
            && DataPrefix == other.DataPrefix;

    public override int GetHashCode() => HashCode.Combine(ModuleName, SdistInclude.Count, SdistExclude.Count, ExternalData, DataPrefix);
}
