using System.Security.Cryptography;
using System.Text;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Wheels;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Lays out the sdist: one top folder named like the file, every selected file plus PKG-INFO, all sorted by path.
/// It carries every input of the metadata, so a wheel built from the unpacked sdist is byte-identical to one built
/// from the tree. Members are cached compressed segments (<see cref="SdistWriter"/>); only PKG-INFO is compressed here.
/// </summary>
internal static class SdistAssembler
{
    private const string PkgInfo = "PKG-INFO";

    public static string FileName(LoadedProject project) => new WheelLayout(project.DistributionName, project.Version).SdistFileName;

    /// <summary>The top folder joined to a path: the member name in the tar.</summary>
    public static string MemberPath(LoadedProject project, string archivePath)
        => $"{new WheelLayout(project.DistributionName, project.Version).SdistTopFolder}/{archivePath}";

    /// <summary>True for a file the sdist does not take from the tree (PKG-INFO is computed).</summary>
    public static bool IsComputed(SelectedFile file) => string.Equals(file.ArchivePath, PkgInfo, StringComparison.Ordinal);

    public static ArchivePlan<SdistSegment> Plan(LoadedProject project, IReadOnlyList<SelectedFile> files, BuildState state, DateTimeOffset timestamp)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        var members = new List<(string Path, SdistSegment Segment, bool Executable, EntryState State)>(files.Count + 1);
        foreach (var file in files)
        {
            if (IsComputed(file))
            {
                // A PKG-INFO in the tree (an unpacked sdist being rebuilt) is replaced by the one computed now.
                continue;
            }

            var indexed = state.Files[file.Source.RelativePath];
            var segment = indexed.Segment ?? throw new InvalidOperationException($"no sdist segment for {file.Source.RelativePath}");
            members.Add((file.ArchivePath, segment, file.Source.IsExecutable, new EntryState(indexed.Sha256, file.Source.IsExecutable)));
        }

        byte[] pkgInfo = Encoding.UTF8.GetBytes(CoreMetadataWriter.Write(project.Metadata, ArtifactKind.Sdist));
        var pkgInfoSegment = SdistWriter.CompressMember($"{layout.SdistTopFolder}/{PkgInfo}", pkgInfo, false, timestamp);
        members.Add((PkgInfo, pkgInfoSegment, false, new EntryState(Sha256Value.From(SHA256.HashData(pkgInfo)), false)));
        members.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var entries = new List<(string Path, SdistSegment Segment, bool Executable)>(members.Count);
        // Named by member path, top folder included: a version bump renames (and so changes) every member.
        var states = new List<EntryName>(members.Count);
        foreach (var (path, segment, executable, entryState) in members)
        {
            entries.Add((path, segment, executable));
            states.Add(new EntryName($"{layout.SdistTopFolder}/{path}", entryState));
        }

        return new ArchivePlan<SdistSegment>(layout.SdistFileName, entries, states);
    }

    public static AssembledArtifact Write(LoadedProject project, ArchivePlan<SdistSegment> plan, DateTimeOffset timestamp, Stream output)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        using var hashing = new HashingWriteStream(output);
        using (var tar = new SdistWriter(hashing, timestamp))
        {
            foreach (var (path, segment, _) in plan.Entries)
            {
                tar.AddSegment($"{layout.SdistTopFolder}/{path}", segment);
            }

            tar.Finish();
        }

        return new AssembledArtifact(layout.SdistFileName, plan.Entries.Count, hashing.Length, hashing.HexDigest());
    }
}
