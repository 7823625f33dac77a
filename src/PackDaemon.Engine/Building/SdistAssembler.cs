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
/// from the tree. Members are cached compressed segments (<see cref="SdistWriter"/>), written in cached groups
/// (<see cref="SdistGrouping"/>); only PKG-INFO and changed groups are compressed here.
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

    /// <summary>Writes the planned members in groups (<see cref="SdistGrouping"/>): a group whose members are all as
    /// in <paramref name="groups"/> is copied, the others are deflated anew, on all cores. A clean build is this with an
    /// empty cache, so clean and incremental builds group alike and give the same bytes.</summary>
    public static AssembledArtifact Write(
        LoadedProject project, ArchivePlan<SdistSegment> plan, SdistGroupCache groups, HashCheckpoints? hashes, DateTimeOffset timestamp, Stream output)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        var entries = plan.Entries;
        var paths = new string[entries.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            paths[i] = $"{layout.SdistTopFolder}/{entries[i].Name}";
        }

        var split = SdistGrouping.Split(entries.Count, i => paths[i], i => entries[i].Entry.TarLength);
        long tarMtime = SdistWriter.TarMtime(timestamp);
        var keys = new Sha256Value[split.Count];
        bool checkpointing = hashes is not null;
        var boundaries = checkpointing ? new UInt128[split.Count + 1] : [];
        if (checkpointing)
        {
            boundaries[0] = HashCheckpoints.Start("sdist", tarMtime);
        }

        var segments = new SdistSegment?[split.Count];
        var missing = new List<int>();
        Span<byte> keyBytes = stackalloc byte[32];
        for (int g = 0; g < split.Count; g++)
        {
            var (start, count) = split[g];
            if (count > 1 || checkpointing)
            {
                var members = new SegmentKey[count];
                for (int m = 0; m < count; m++)
                {
                    var state = plan.States[start + m].State;
                    members[m] = new SegmentKey(paths[start + m], state.Executable, tarMtime, state.Content);
                }

                // Everything the group's bytes depend on; chained, everything the archive's bytes up to its end depend on.
                keys[g] = SdistGroupCache.KeyOf(members);
                if (checkpointing)
                {
                    keys[g].WriteTo(keyBytes);
                    boundaries[g + 1] = HashCheckpoints.Next(boundaries[g], keyBytes);
                }
            }

            if (count == 1)
            {
                // A lone member's segment is its group's segment: nothing to look up or deflate.
                segments[g] = entries[start].Entry;
            }
            else if (groups.TryGet(keys[g], out var cached))
            {
                segments[g] = cached;
            }
            else
            {
                missing.Add(g);
            }
        }

        Parallel.ForEach(missing, g =>
        {
            var (start, count) = split[g];
            var members = new SdistSegment[count];
            for (int m = 0; m < count; m++)
            {
                members[m] = entries[start + m].Entry;
            }

            segments[g] = SdistGroupCompressor.Compress(members);
        });

        var kept = new Dictionary<Sha256Value, SdistSegment>(split.Count);
        using var hashing = new HashingWriteStream(output, hashes, boundaries);
        using (var tar = new SdistWriter(hashing, timestamp))
        {
            for (int g = 0; g < split.Count; g++)
            {
                hashing.Mark(g);
                var (start, count) = split[g];
                var segment = segments[g]!;
                tar.AddGroup(new ArraySegment<string>(paths, start, count), segment);
                if (count > 1)
                {
                    kept[keys[g]] = segment;
                }
            }

            tar.Finish();
        }

        groups.Replace(kept);
        return new AssembledArtifact(layout.SdistFileName, entries.Count, hashing.Length, hashing.Complete());
    }
}
