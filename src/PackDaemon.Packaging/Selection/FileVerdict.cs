namespace PackDaemon.Packaging.Selection;

/// <summary>The decision for one file, for both artifacts; the single source of <see cref="FileSelector.Select"/> and <see cref="FileSelector.Explain"/>.</summary>
/// <param name="SdistPath">The file's path in the sdist when it is not its project-relative path (hatchling's
/// <c>sources</c> and <c>force-include</c> can move it).</param>
internal sealed record FileVerdict(WalkedFile File, bool InWheel, string WheelReason, string? WheelPath, bool InSdist, string SdistReason, string? SdistPath = null);
