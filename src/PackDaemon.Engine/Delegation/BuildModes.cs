using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Delegation;

namespace PackDaemon.Engine.Delegation;

/// <summary>Stamps a native build's artifacts with the mode and the reason the decision gave.</summary>
internal static class BuildModes
{
    /// <remarks>A hybrid build (values evaluated by Python) says <c>native+evaluated:&lt;what&gt;</c>, and why each.</remarks>
    public static BuildResult TagNative(BuildResult result, BuildModeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(decision);
        var (mode, reason) = result.Evaluations.Count == 0
            ? (decision.Mode, decision.Reason)
            : (BuildModeDecision.EvaluatedModePrefix + string.Join(',', result.Evaluations.Select(e => e.Request.What).Distinct(StringComparer.Ordinal)),
                decision.Reason + "; " + string.Join("; ", result.Evaluations.Select(e => e.Reason)));
        return result with
        {
            Artifacts = [.. result.Artifacts.Select(a => a with { Mode = mode, Reason = reason })],
            Mode = mode,
            ModeReason = reason,
        };
    }

    /// <summary>Files whose content can change the decision: a hint on one of them makes the builder decide again.</summary>
    public static bool AffectsDecision(string relativePath) => relativePath is "pyproject.toml" or "setup.py" or "setup.cfg";
}
