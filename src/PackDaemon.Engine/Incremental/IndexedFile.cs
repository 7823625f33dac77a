using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// What the index knows about one file: the stamp it was hashed under, its SHA-256, what the secrets guard found in
/// those bytes, and its compressed sdist member. Wheel blobs live in the content-addressed <see cref="BuildState.Blobs"/>.
/// </summary>
internal sealed class IndexedFile(FileStamp stamp, Sha256Value sha256)
{
    public FileStamp Stamp { get; set; } = stamp;

    public Sha256Value Sha256 { get; set; } = sha256;

    /// <summary>The mtime was so close to the moment of reading that a later write could keep the same stamp (the
    /// kernel's file clock ticks in milliseconds), so the stamp cannot prove the bytes unchanged: rehash when hinted.</summary>
    public bool Racy { get; set; }

    /// <summary>Secrets found in the bytes with <see cref="Sha256"/>; null until scanned.</summary>
    public IReadOnlyList<SecretFinding>? Findings { get; set; }

    public SdistSegment? Segment { get; set; }

    /// <summary>What <see cref="Segment"/> was compressed for: member path (with top folder), mode, tar mtime, content.</summary>
    public SegmentKey? SegmentFor { get; set; }
}
