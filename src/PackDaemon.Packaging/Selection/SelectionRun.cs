namespace PackDaemon.Packaging.Selection;

/// <summary>Everything one evaluation of the rules produced: a verdict per file met, and the folders not entered.</summary>
internal sealed record SelectionRun(
    IReadOnlyList<FileVerdict> Verdicts,
    IReadOnlyList<PrunedFolder> Pruned,
    IReadOnlyList<PackageRoot> Packages,
    bool DiscoveryFailed);
