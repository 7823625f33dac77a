namespace PackDaemon.Packaging.Selection;

/// <summary>A folder the walker did not enter, and why: every path below it shares the reason.</summary>
internal sealed record PrunedFolder(string RelativePath, string Reason);
