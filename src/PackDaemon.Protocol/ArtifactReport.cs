namespace PackDaemon.Protocol;

/// <summary>One artifact on disk.</summary>
/// <param name="Kind"><c>wheel</c> or <c>sdist</c>.</param>
/// <param name="Sha256">Lowercase hex digest of the file.</param>
/// <param name="Rewritten">False when the file on disk already had these bytes and was left alone.</param>
/// <param name="Mode">Optional (added in protocol 1 without a bump): <c>native</c> or <c>delegated:&lt;backend&gt;</c>;
/// absent from older daemons, which only build natively.</param>
/// <param name="Reason">Optional: why that mode, in one human sentence.</param>
public sealed record ArtifactReport(string Kind, string Path, long Size, int Entries, string Sha256, bool Rewritten, string? Mode = null, string? Reason = null);
