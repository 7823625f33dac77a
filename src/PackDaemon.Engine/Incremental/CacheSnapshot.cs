using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>The state's persistent part, copied on the build thread so it can be written on another while the next
/// build runs. Blob and segment bytes are shared, never copied: they are immutable.</summary>
internal sealed record CacheSnapshot(
    IReadOnlyList<CacheSnapshot.FileRow> Files,
    IReadOnlyList<KeyValuePair<BlobKey, CompressedBlob>> Blobs,
    IReadOnlyList<PublishedArtifact> Published,
    BuildRequest? PublishedFor,
    BuildRequest? PreparedFor)
{
    internal sealed record FileRow(
        string Path,
        FileStamp Stamp,
        Sha256Value Sha256,
        bool Racy,
        IReadOnlyList<SecretFinding>? Findings,
        SdistSegment? Segment,
        SegmentKey? SegmentFor);

    public static CacheSnapshot Of(BuildState state)
    {
        var files = new List<FileRow>(state.Files.Count);
        foreach (var (path, file) in state.Files)
        {
            files.Add(new FileRow(path, file.Stamp, file.Sha256, file.Racy, file.Findings, file.Segment, file.SegmentFor));
        }

        var published = new List<PublishedArtifact>(state.Published.Count);
        foreach (var artifact in state.Published.Values)
        {
            // The digest is computed here, on the persisting thread, rather than by every build.
            published.Add(artifact.Digest is null ? artifact with { Digest = EntryDigest.Of(artifact.Entries!) } : artifact);
        }

        return new CacheSnapshot(files, [.. state.Blobs], published, state.PublishedFor, state.PreparedFor);
    }
}
