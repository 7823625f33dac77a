using PackDaemon.Engine.Building;

namespace PackDaemon.Engine.Incremental;

/// <summary>One incremental build: the ordinary <see cref="BuildResult"/> plus what the incremental engine did.</summary>
/// <param name="ChangedFiles">Files whose content (hash) or presence actually changed since the previous build.</param>
/// <param name="ChangedEntries">Archive paths whose bytes were produced again rather than reused from the cache.</param>
/// <param name="UpToDate">Nothing changed: no artifact was rewritten.</param>
/// <param name="ReconcileMs">Time spent re-stat'ing and re-hashing hinted paths.</param>
public sealed record IncrementalBuildResult(
    BuildResult Result,
    int ChangedFiles,
    IReadOnlyList<string> ChangedEntries,
    bool UpToDate,
    long ReconcileMs);
