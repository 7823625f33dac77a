namespace PackDaemon.Protocol;

/// <summary>The last build of a workspace, as <c>status</c> shows it.</summary>
public sealed record BuildSummary(
    long Generation,
    bool Succeeded,
    long TotalMs,
    int ChangedEntries,
    IReadOnlyList<ArtifactReport> Artifacts,
    DateTimeOffset FinishedAt);
