using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Uv;

/// <summary>
/// Present when the project builds with uv_build (<c>build-backend = "uv_build"</c>): the files are then chosen by
/// uv_build's rules from <c>[tool.uv.build-backend]</c> (see docs/compatibility.md#uv_build), not by packd's own.
/// </summary>
/// <param name="ModuleRoot">Project-relative folder holding the modules, normalized; <c>""</c> is the root (flat layout).</param>
/// <param name="ModuleNames">The module names as written (dotted for a namespace), or the project's normalized name.</param>
/// <param name="Namespace"><c>namespace = true</c>: no <c>__init__.py</c> checks.</param>
/// <param name="SourceInclude">Anchored portable globs the sdist takes in addition.</param>
/// <param name="SourceExclude">Excludes of both artifacts (unanchored unless they start with <c>/</c>).</param>
/// <param name="WheelExclude">Excludes of the wheel only.</param>
/// <param name="DefaultExcludes">Whether <c>__pycache__</c>, <c>*.pyc</c> and <c>*.pyo</c> are excluded.</param>
/// <param name="Data">The <c>data</c> folders by scheme.</param>
/// <param name="DataFolder">The wheel's <c>{name}-{version}.data</c> folder name.</param>
public sealed record UvBuildOptions(
    string ModuleRoot,
    IReadOnlyList<string> ModuleNames,
    bool Namespace,
    IReadOnlyList<string> SourceInclude,
    IReadOnlyList<string> SourceExclude,
    IReadOnlyList<string> WheelExclude,
    bool DefaultExcludes,
    IReadOnlyList<UvDataFolder> Data,
    string DataFolder) : BackendRules
{
    public override string BackendName => "uv_build";

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => UvSelector.Evaluate(options, this, diagnostics);

    // The daemon re-selects when the options differ, so equality must compare the lists' contents, not references.
    public bool Equals(UvBuildOptions? other)
        => other is not null
            && string.Equals(ModuleRoot, other.ModuleRoot, StringComparison.Ordinal)
            && ModuleNames.SequenceEqual(other.ModuleNames)
            && Namespace == other.Namespace
            && SourceInclude.SequenceEqual(other.SourceInclude)
            && SourceExclude.SequenceEqual(other.SourceExclude)
            && WheelExclude.SequenceEqual(other.WheelExclude)
            && DefaultExcludes == other.DefaultExcludes
            && Data.SequenceEqual(other.Data)
            && string.Equals(DataFolder, other.DataFolder, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(ModuleRoot, ModuleNames.Count, Namespace, SourceInclude.Count, SourceExclude.Count, WheelExclude.Count, DefaultExcludes, DataFolder);
}
