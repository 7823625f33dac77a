using System.Buffers;
using System.Formats.Tar;
using System.IO.Compression;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Delegation;

/// <summary>
/// Runs the secrets guard over what a delegated backend produced, entry by entry, before anything is published: a
/// setuptools <c>include_package_data</c> or a MANIFEST.in <c>graft</c> ships a <c>.env</c> as readily as a native
/// selection would, and the promise "packd refuses to ship a secret" holds for every build mode.
/// </summary>
/// <remarks>
/// The archive is what ships, so it is what is scanned (generated files and METADATA's README text included), not
/// the source tree. Each entry is named by the project file it came from when that file exists, so the diagnostic,
/// its line and <c>secrets-allow</c> work exactly as in a native build: an sdist member drops its
/// <c>name-version/</c> folder; a wheel entry is looked up at the root and under <c>src/</c>. Entries with no source
/// file (METADATA, generated code) are named <c>artifact!entry</c>.
/// </remarks>
internal static class DelegatedSecretScan
{
    /// <summary>Scans one artifact and adds the guard's diagnostics (errors and warnings) to <paramref name="diagnostics"/>.</summary>
    public static void Scan(string artifactPath, string kind, string projectRoot, SecretsGuard guard, DiagnosticBag diagnostics)
    {
        var findings = new List<SecretFinding>();
        var artifactName = Path.GetFileName(artifactPath);
        if (kind == "wheel")
        {
            using var zip = ZipFile.OpenRead(artifactPath);
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                using var stream = entry.Open();
                ScanEntry(stream, entry.Length, SourcePathOfWheelEntry(entry.FullName, projectRoot) ?? $"{artifactName}!{entry.FullName}", guard, findings);
            }
        }
        else
        {
            using var file = File.OpenRead(artifactPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry(copyData: false) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    continue;
                }

                var inProject = SourcePathOfSdistMember(entry.Name, projectRoot);
                ScanEntry(entry.DataStream, entry.Length, inProject ?? $"{artifactName}!{entry.Name}", guard, findings);
            }
        }

        guard.Report(findings, kind == "wheel" ? ArtifactKind.Wheel : ArtifactKind.Sdist, diagnostics);
    }

    private static void ScanEntry(Stream stream, long length, string name, SecretsGuard guard, List<SecretFinding> findings)
    {
        // Rented, not allocated: a backend's wheel is scanned once per save in the daemon, and most entries are small.
        var size = checked((int)length);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            stream.ReadExactly(buffer, 0, size);
            findings.AddRange(guard.Scan(name, buffer.AsSpan(0, size)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string? SourcePathOfSdistMember(string member, string projectRoot)
    {
        var slash = member.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || slash == member.Length - 1)
        {
            return null;
        }

        var relative = member[(slash + 1)..];
        // PKG-INFO and the egg-info are the backend's own, not project files, even when the tree holds a stale copy.
        return relative is "PKG-INFO" || relative.Contains(".egg-info/", StringComparison.Ordinal) ? null : ExistingProjectFile(relative, projectRoot);
    }

    private static string? SourcePathOfWheelEntry(string entry, string projectRoot)
    {
        var top = entry.Split('/')[0];
        if (top.EndsWith(".dist-info", StringComparison.Ordinal) || top.EndsWith(".data", StringComparison.Ordinal))
        {
            return null;
        }

        return ExistingProjectFile(entry, projectRoot) ?? ExistingProjectFile("src/" + entry, projectRoot);
    }

    private static string? ExistingProjectFile(string relative, string projectRoot)
        => relative.Split('/').Any(s => s is ".." or "." or "") || !File.Exists(Path.Combine(projectRoot, relative)) ? null : relative;
}
