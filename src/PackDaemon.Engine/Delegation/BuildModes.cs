using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Delegation;

namespace PackDaemon.Engine.Delegation;

/// <summary>Stamps a native build's artifacts with the mode and the reason the decision gave.</summary>
internal static class BuildModes
{
    public static BuildResult TagNative(BuildResult result, BuildModeDecision decision)
        => result with
        {
            Artifacts = [.. result.Artifacts.Select(a => a with { Mode = decision.Mode, Reason = decision.Reason })],
            Mode = decision.Mode,
            ModeReason = decision.Reason,
        };

    /// <summary>Files whose content can change the decision: a hint on one of them makes the builder decide again.</summary>
    public static bool AffectsDecision(string relativePath) => relativePath is "pyproject.toml" or "setup.py" or "setup.cfg";
}
