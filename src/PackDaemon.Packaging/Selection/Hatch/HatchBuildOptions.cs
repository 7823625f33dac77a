using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// Present when the project builds with hatchling: the files are then chosen by hatchling 1.12's rules (see
/// docs/compatibility.md) instead of packd's own, so that the artifacts hold what hatchling's would.
/// </summary>
/// <param name="RawName">The project name as written; hatchling's default discovery tries it before the normalized name.</param>
public sealed record HatchBuildOptions(
    HatchTargetOptions Wheel,
    HatchTargetOptions Sdist,
    string RawName) : BackendRules
{
    public override string BackendName => "hatchling";

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => FileSelector.EvaluateHatch(options, this, diagnostics);

    /// <summary>shared-scripts get hatchling's shebang rewrite.</summary>
    internal override Scripts.ScriptRewrite WheelRewrite(string wheelPath)
        => Wheel.SharedScriptsPrefix.Length > 0 && wheelPath.StartsWith(Wheel.SharedScriptsPrefix, StringComparison.Ordinal)
            ? Scripts.ScriptRewrite.HatchlingSharedScripts
            : Scripts.ScriptRewrite.None;
}
