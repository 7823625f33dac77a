using System.Buffers.Binary;
using System.Text;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Wheels;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Lays out a wheel: the payload sorted by path, then the .dist-info files sorted, then RECORD very last
/// (installers and the spec's "ZIP tricks" expect metadata at the end, and RECORD must list everything before it).
/// Every payload and license entry is a cached blob copied as-is; only the small .dist-info texts are compressed here.
/// </summary>
internal static class WheelAssembler
{
    public static string FileName(LoadedProject project) => new WheelLayout(project.DistributionName, project.Version).WheelFileName;

    /// <summary>Every entry but RECORD, which is derived from them when written.</summary>
    public static ArchivePlan<CompressedBlob> Plan(LoadedProject project, IReadOnlyList<SelectedFile> payload, BuildState state)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        var entries = new List<(string Name, CompressedBlob Blob, bool Executable)>(payload.Count + 8);
        var states = new List<EntryName>(payload.Count + 8);

        foreach (var file in payload)
        {
            var sha = state.Files[file.Source.RelativePath].Sha256;
            var blob = state.Blobs.GetValueOrDefault(BlobKey.For(sha, file.ArchivePath, file.Rewrite))
                ?? throw new InvalidOperationException($"no wheel blob for {file.Source.RelativePath}");
            bool executable = file.Source.IsExecutable || file.Rewrite != Packaging.Scripts.ScriptRewrite.None;
            entries.Add((file.ArchivePath, blob, executable));
            states.Add(new EntryName(file.ArchivePath, new EntryState(sha, executable)));
        }

        var distInfo = new List<(string Name, CompressedBlob Blob)>
        {
            Compressed($"{layout.DistInfo}/METADATA", Encoding.UTF8.GetBytes(CoreMetadataWriter.Write(project.Metadata, ArtifactKind.Wheel))),
            Compressed($"{layout.DistInfo}/WHEEL", WheelLayout.WheelFile(PackdVersion.Generator)),
        };
        var entryPoints = EntryPointsWriter.Write(project.EntryPoints);
        if (entryPoints is not null)
        {
            distInfo.Add(Compressed($"{layout.DistInfo}/entry_points.txt", Encoding.UTF8.GetBytes(entryPoints)));
        }

        foreach (var license in project.LicenseFiles)
        {
            // PEP 639: every License-File sits under .dist-info/licenses/ at its path relative to the project root.
            string name = $"{layout.DistInfo}/{project.LicenseFolder}{license}";
            var sha = state.Files[license].Sha256;
            distInfo.Add((name, state.Blobs.GetValueOrDefault(BlobKey.For(sha, name)) ?? throw new InvalidOperationException($"no blob for license {license}")));
        }

        distInfo.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, blob) in distInfo)
        {
            entries.Add((name, blob, false));
            states.Add(new EntryName(name, new EntryState(Sha256Value.From(blob.Sha256), false)));
        }

        return new ArchivePlan<CompressedBlob>(layout.WheelFileName, entries, states);
    }

    public static AssembledArtifact Write(
        LoadedProject project,
        ArchivePlan<CompressedBlob> plan,
        RecordCache records,
        HashCheckpoints? hashes,
        DateTimeOffset timestamp,
        Stream output,
        CancellationToken cancellationToken)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);

        // RECORD is formed beside the writing of the entries it lists (it needs only their hashes and sizes, which the
        // plan holds): on a 20,000-entry wheel it was a tenth of the single-threaded write.
        var record = Task.Run(() => records.Build(plan.Entries, layout.RecordPath, cancellationToken), cancellationToken);
        try
        {
            IReadOnlyList<UInt128> keys = hashes is null ? [] : BoundaryKeys(plan, timestamp, hashes.KeyBuffer(plan.Entries.Count + 1));
            using var hashing = new HashingWriteStream(output, hashes, keys);
            using (var zip = new WheelZipWriter(hashing, timestamp, plan.Entries.Count + 1))
            {
                for (int i = 0; i < plan.Entries.Count; i++)
                {
                    hashing.Mark(i);
                    var (name, blob, executable) = plan.Entries[i];
                    zip.Add(name, blob, executable);
                }

                // RECORD and the central directory depend on every entry: hashed on every write.
                hashing.Mark(plan.Entries.Count);
                zip.Add(layout.RecordPath, record.GetAwaiter().GetResult(), false);
                zip.Finish();
            }

            return new AssembledArtifact(layout.WheelFileName, plan.Entries.Count + 1, hashing.Length, hashing.Complete());
        }
        finally
        {
            // A write that failed half-way still waits for RECORD (its cache must not be changing under the next
            // build), and observes its failure: the write's own exception is the one reported. On success RECORD was
            // awaited already, and no wait handle is made on a save's path.
            if (!record.IsCompleted)
            {
                ((IAsyncResult)record).AsyncWaitHandle.WaitOne();
            }

            _ = record.Exception;
        }
    }

    /// <summary>One key per entry boundary (<see cref="HashCheckpoints"/>): what the zip bytes before it depend on,
    /// the entries' names, modes and compressed blobs (whose bytes are a function of the content and the name).</summary>
    private static ArraySegment<UInt128> BoundaryKeys(ArchivePlan<CompressedBlob> plan, DateTimeOffset timestamp, ArraySegment<UInt128> keys)
    {
        keys[0] = HashCheckpoints.Start("wheel", timestamp.ToUnixTimeSeconds());
        byte[] buffer = new byte[256];
        for (int i = 0; i < plan.Entries.Count; i++)
        {
            var (name, blob, executable) = plan.Entries[i];
            int nameBytes = Encoding.UTF8.GetByteCount(name);
            int length = nameBytes + 32 + 1 + 4 + 8 + 8 + 1;
            if (buffer.Length < length)
            {
                buffer = new byte[length * 2];
            }

            var span = buffer.AsSpan(0, length);
            Encoding.UTF8.GetBytes(name, span);
            blob.Sha256.CopyTo(span[nameBytes..]);
            var rest = span[(nameBytes + 32)..];
            rest[0] = executable ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteUInt32BigEndian(rest[1..], blob.Crc32);
            BinaryPrimitives.WriteInt64BigEndian(rest[5..], blob.UncompressedSize);
            BinaryPrimitives.WriteInt64BigEndian(rest[13..], blob.Data.Length);
            rest[21] = (byte)blob.Method;
            keys[i + 1] = HashCheckpoints.Next(keys[i], span);
        }

        return keys;
    }

    private static (string Name, CompressedBlob Blob) Compressed(string name, byte[] bytes) => (name, EntryCompressor.Compress(name, bytes));
}
