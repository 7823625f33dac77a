namespace PackDaemon.Engine.Building;

/// <summary>What to build.</summary>
/// <param name="ProjectRoot">Absolute folder holding pyproject.toml.</param>
/// <param name="OutputDirectory">Absolute folder for the artifacts; <c>dist/</c> under the root by default.</param>
/// <param name="WriteArtifacts">False for <c>packd check</c>: every step runs, nothing is written.</param>
/// <param name="SourceDateEpoch">The SOURCE_DATE_EPOCH value seen by the caller, or null; a delegated build passes it
/// to the backend.</param>
public sealed record BuildRequest(
    string ProjectRoot,
    string OutputDirectory,
    bool Wheel,
    bool Sdist,
    bool WriteArtifacts,
    string? SourceDateEpoch)
{
    /// <summary>The <c>--python</c> value for a delegated build, or null.</summary>
    public string? PythonOption { get; init; }

    /// <summary>The <c>PACKD_PYTHON</c> value the caller saw, or null (the daemon uses its client's, not its own).</summary>
    public string? PythonVariable { get; init; }

    /// <summary>Overrides every delegate timeout (<c>PACKD_DELEGATE_TIMEOUT</c>, seconds), or null.</summary>
    public TimeSpan? DelegateTimeout { get; init; }
}
