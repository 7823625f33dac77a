namespace PackDaemon.Protocol;

/// <summary>The answer to <c>explain</c>. <see cref="Wheel"/> and <see cref="Sdist"/> are null when the project
/// could not be loaded; <see cref="Diagnostics"/> then says why.</summary>
public sealed record ExplainResult(
    string Path,
    ArtifactDecision? Wheel,
    ArtifactDecision? Sdist,
    IReadOnlyList<DiagnosticReport> Diagnostics);
