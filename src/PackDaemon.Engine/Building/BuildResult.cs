using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Engine.Building;

/// <summary>The outcome of a build as a value: failures are diagnostics, never exceptions, so a caller (the CLI now,
/// the daemon later) reports them and carries on.</summary>
public sealed record BuildResult(
    bool Succeeded,
    IReadOnlyList<ArtifactInfo> Artifacts,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> Packages,
    PhaseTimings Timings)
{
    /// <summary><c>native</c>, <c>native+evaluated:&lt;what&gt;</c> or <c>delegated:&lt;backend&gt;</c>: how this build was made, also when it failed.</summary>
    public string Mode { get; init; } = "native";

    /// <summary>Why that mode, in one sentence; null when not known.</summary>
    public string? ModeReason { get; init; }

    /// <summary>The values a native build got by running project code (a hybrid build), each with its reason.</summary>
    public IReadOnlyList<EvaluatedValue> Evaluations { get; init; } = [];
}
