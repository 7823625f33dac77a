namespace PackDaemon.Engine.Building;

/// <summary>One artifact written (or, for a check, that would be written).</summary>
/// <param name="Kind"><c>wheel</c> or <c>sdist</c>.</param>
/// <param name="Sha256">Lowercase hex digest of the artifact file.</param>
public sealed record ArtifactInfo(string Kind, string Path, long Size, int Entries, string Sha256, long Milliseconds)
{
    /// <summary>False when the file on disk already held exactly these bytes and was left alone (its mtime unchanged).</summary>
    public bool Rewritten { get; init; } = true;

    /// <summary><c>native</c> (packd built it) or <c>delegated:&lt;backend&gt;</c> (the project's own PEP 517 backend did).</summary>
    public string Mode { get; init; } = "native";

    /// <summary>Why this mode was chosen, in one human sentence; null when not known (an older daemon's report).</summary>
    public string? Reason { get; init; }
}
