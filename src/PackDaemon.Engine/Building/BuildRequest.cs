namespace PackDaemon.Engine.Building;

/// <summary>What to build.</summary>
/// <param name="ProjectRoot">Absolute folder holding pyproject.toml.</param>
/// <param name="OutputDirectory">Absolute folder for the artifacts; <c>dist/</c> under the root by default.</param>
/// <param name="WriteArtifacts">False for <c>packd check</c>: every step runs, nothing is written.</param>
/// <param name="SourceDateEpoch">The SOURCE_DATE_EPOCH value seen by the caller, or null.</param>
public sealed record BuildRequest(
    string ProjectRoot,
    string OutputDirectory,
    bool Wheel,
    bool Sdist,
    bool WriteArtifacts,
    string? SourceDateEpoch);
