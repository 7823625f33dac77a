using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>What reading one file produced: its stamp and hash, what the secrets guard found, and whatever compressed
/// form was missing from the cache. Raw bytes are never kept: the sdist takes compressed segments too.</summary>
/// <param name="ContentChanged">The hash differs from the index's (or the file is new to it).</param>
internal sealed record LoadedContent(
    LoadWork Work,
    FileStamp Stamp,
    Sha256Value Sha256,
    bool Racy,
    bool ContentChanged,
    IReadOnlyList<SecretFinding> Findings,
    CompressedBlob? WheelBlob,
    SdistSegment? Segment,
    SegmentKey? SegmentFor)
{
    /// <summary>One-shot builds: the open descriptor's stamp after the read was not the walk's.</summary>
    public bool ChangedSinceWalk { get; init; }
}
