using System.Text;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Wheels;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Lays out a wheel: the payload sorted by path, then the .dist-info files sorted, then RECORD very last
/// (installers and the spec's "ZIP tricks" expect metadata at the end, and RECORD must list everything before it).
/// </summary>
internal static class WheelAssembler
{
    public static string FileName(LoadedProject project) => new WheelLayout(project.DistributionName, project.Version).WheelFileName;

    public static AssembledArtifact Assemble(
        LoadedProject project,
        IReadOnlyList<SelectedFile> payload,
        IReadOnlyDictionary<string, LoadedContent> contents,
        DateTimeOffset timestamp,
        Stream output)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        var entries = new List<(string Name, CompressedBlob Blob, bool Executable)>(payload.Count + 8);

        foreach (var file in payload)
        {
            var blob = contents[file.Source.RelativePath].WheelBlob
                ?? throw new InvalidOperationException($"no wheel blob for {file.Source.RelativePath}");
            entries.Add((file.ArchivePath, blob, file.Source.IsExecutable));
        }

        var distInfo = new List<(string Name, byte[] Bytes)>
        {
            ($"{layout.DistInfo}/METADATA", Encoding.UTF8.GetBytes(CoreMetadataWriter.Write(project.Metadata, ArtifactKind.Wheel))),
            ($"{layout.DistInfo}/WHEEL", WheelLayout.WheelFile(PackdVersion.Generator)),
        };
        var entryPoints = EntryPointsWriter.Write(project.EntryPoints);
        if (entryPoints is not null)
        {
            distInfo.Add(($"{layout.DistInfo}/entry_points.txt", Encoding.UTF8.GetBytes(entryPoints)));
        }

        foreach (var license in project.LicenseFiles)
        {
            // PEP 639: every License-File sits under .dist-info/licenses/ at its path relative to the project root.
            distInfo.Add(($"{layout.DistInfo}/licenses/{license}", contents[license].Bytes!));
        }

        distInfo.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, bytes) in distInfo)
        {
            entries.Add((name, EntryCompressor.Compress(name, bytes), false));
        }

        var record = new RecordWriter();
        foreach (var (name, blob, _) in entries)
        {
            record.Add(name, blob.Sha256, blob.UncompressedSize);
        }

        var recordBytes = record.ToBytes(layout.RecordPath);
        entries.Add((layout.RecordPath, EntryCompressor.Compress(layout.RecordPath, recordBytes), false));

        using var hashing = new HashingWriteStream(output);
        using (var zip = new WheelZipWriter(hashing, timestamp))
        {
            foreach (var (name, blob, executable) in entries)
            {
                zip.Add(name, blob, executable);
            }

            zip.Finish();
        }

        return new AssembledArtifact(layout.WheelFileName, entries.Count, hashing.Length, hashing.HexDigest());
    }
}
