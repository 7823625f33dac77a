namespace PackDaemon.Packaging.Selection;

/// <summary>Why one path is or is not in each artifact: the answer to <c>packd explain</c>.</summary>
public sealed record FileExplanation(string RelativePath, bool InWheel, string WheelReason, string? WheelArchivePath, bool InSdist, string SdistReason);
