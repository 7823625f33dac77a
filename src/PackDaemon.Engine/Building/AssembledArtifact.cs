namespace PackDaemon.Engine.Building;

/// <summary>An artifact's complete bytes, built in memory so it can be hashed and then renamed into place in one step.</summary>
internal sealed record AssembledArtifact(string FileName, byte[] Bytes, int Entries);
