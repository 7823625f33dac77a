namespace PackDaemon.Engine.Incremental;

/// <summary>An artifact this builder last renamed into place: if the file still carries this stamp and the entries
/// would be the same, there is nothing to rewrite.</summary>
/// <param name="Digest">SHA-256 over every entry's name, content and mode, in archive order (<see cref="EntryDigest"/>);
/// null until the cache is written (computed there, off the build path).</param>
/// <param name="Entries">Entry names with content and mode, in archive order, for the next build's list of changed entries; null after a
/// restart (the cache persists only the digest), when every entry of a rewritten artifact counts as changed.</param>
internal sealed record PublishedArtifact(string Path, FileStamp Stamp, Sha256Value? Digest, IReadOnlyList<EntryName>? Entries, Building.ArtifactInfo Info);
