namespace PackDaemon.Protocol;

/// <summary>Whether a file goes into one artifact, under which archive path, and the rule that decided it.</summary>
public sealed record ArtifactDecision(bool Included, string? ArchivePath, string Rule);
