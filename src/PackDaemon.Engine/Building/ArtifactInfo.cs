namespace PackDaemon.Engine.Building;

/// <summary>One artifact written (or, for a check, that would be written).</summary>
/// <param name="Kind"><c>wheel</c> or <c>sdist</c>.</param>
/// <param name="Sha256">Lowercase hex digest of the artifact file.</param>
public sealed record ArtifactInfo(string Kind, string Path, long Size, int Entries, string Sha256, long Milliseconds)
{
    /// <summary>False when the file on disk already held exactly these bytes and was left alone (its mtime unchanged).</summary>
    public bool Rewritten { get; init; } = true;
}
