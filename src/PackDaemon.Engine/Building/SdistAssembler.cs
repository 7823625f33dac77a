using System.Text;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Wheels;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Lays out the sdist: one top folder named like the file, every selected file plus PKG-INFO, all sorted by path.
/// It carries every input of the metadata, so a wheel built from the unpacked sdist is byte-identical to one built
/// from the tree.
/// </summary>
internal static class SdistAssembler
{
    private const string PkgInfo = "PKG-INFO";

    public static string FileName(LoadedProject project) => new WheelLayout(project.DistributionName, project.Version).SdistFileName;

    public static AssembledArtifact Assemble(
        LoadedProject project,
        IReadOnlyList<SelectedFile> files,
        IReadOnlyDictionary<string, LoadedContent> contents,
        DateTimeOffset timestamp,
        Stream output)
    {
        var layout = new WheelLayout(project.DistributionName, project.Version);
        var entries = new List<(string Path, byte[] Bytes, bool Executable)>(files.Count + 1);
        foreach (var file in files)
        {
            if (string.Equals(file.ArchivePath, PkgInfo, StringComparison.Ordinal))
            {
                // A PKG-INFO in the tree (an unpacked sdist being rebuilt) is replaced by the one computed now.
                continue;
            }

            entries.Add((file.ArchivePath, contents[file.Source.RelativePath].Bytes!, file.Source.IsExecutable));
        }

        entries.Add((PkgInfo, Encoding.UTF8.GetBytes(CoreMetadataWriter.Write(project.Metadata, ArtifactKind.Sdist)), false));
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        using var hashing = new HashingWriteStream(output);
        using (var tar = new SdistWriter(hashing, timestamp))
        {
            foreach (var (path, bytes, executable) in entries)
            {
                tar.Add($"{layout.SdistTopFolder}/{path}", bytes, executable);
            }

            tar.Finish();
        }

        return new AssembledArtifact(layout.SdistFileName, entries.Count, hashing.Length, hashing.HexDigest());
    }
}
