namespace PackDaemon.Engine.Building;

/// <summary>What was streamed into one artifact: its file name, entry count, size and SHA-256.</summary>
internal sealed record AssembledArtifact(string FileName, int Entries, long Size, string Sha256);
