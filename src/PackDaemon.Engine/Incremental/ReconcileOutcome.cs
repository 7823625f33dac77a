namespace PackDaemon.Engine.Incremental;

/// <summary>What the hinted paths turned out to need.</summary>
/// <param name="Reload">A metadata or configuration input changed: load the project again.</param>
/// <param name="Reselect">The set of files or the rules choosing them may have changed: walk and select again.</param>
/// <param name="Suspects">Selected files whose stamp moved: read and hash them; an unchanged hash ends it there.</param>
/// <param name="UnknownFiles">Existing files the index did not know: remembered as unselected if the walk agrees.</param>
/// <param name="ChangedInputs">Inputs whose content or presence changed (hashed here, or deleted).</param>
/// <param name="InputUpdates">New index entries of changed inputs (null: gone), applied once the build used them.</param>
internal sealed record ReconcileOutcome(
    bool Reload,
    bool Reselect,
    IReadOnlySet<string> Suspects,
    IReadOnlyList<string> UnknownFiles,
    int ChangedInputs,
    IReadOnlyDictionary<string, IndexedFile?> InputUpdates);
