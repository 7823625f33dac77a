namespace PackDaemon.Protocol;

/// <summary>The answer to <c>explain</c>. <see cref="Wheel"/> and <see cref="Sdist"/> are null when the project
/// could not be loaded; <see cref="Diagnostics"/> then says why.</summary>
/// <param name="Generation">The generation of the workspace when it is open in the daemon, so a client can tell
/// whether the answer describes the tree its last build saw; null when the project is not open.</param>
public sealed record ExplainResult(
    string Path,
    ArtifactDecision? Wheel,
    ArtifactDecision? Sdist,
    IReadOnlyList<DiagnosticReport> Diagnostics,
    long? Generation = null);
