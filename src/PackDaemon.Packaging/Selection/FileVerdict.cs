namespace PackDaemon.Packaging.Selection;

/// <summary>The decision for one file, for both artifacts; the single source of <see cref="FileSelector.Select"/> and <see cref="FileSelector.Explain"/>.</summary>
internal sealed record FileVerdict(WalkedFile File, bool InWheel, string WheelReason, string? WheelPath, bool InSdist, string SdistReason);
