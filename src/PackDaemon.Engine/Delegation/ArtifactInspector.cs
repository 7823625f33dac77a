using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace PackDaemon.Engine.Delegation;

/// <summary>Reads what a backend produced, so a delegated artifact is reported exactly like a native one: size,
/// member count and SHA-256.</summary>
internal static class ArtifactInspector
{
    public static (long Size, int Entries, string Sha256) Inspect(string path, string kind)
    {
        long size;
        string sha256;
        using (var stream = File.OpenRead(path))
        {
            size = stream.Length;
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        return (size, kind == "wheel" ? CountZipEntries(path) : CountTarMembers(path), sha256);
    }

    /// <summary>True when <paramref name="path"/> already holds a file with exactly this size and digest.</summary>
    public static bool Holds(string path, long size, string sha256)
    {
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length != size)
            {
                return false;
            }

            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(SHA256.HashData(stream)) == sha256;
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Counted like the native wheel's entries: files only (a zip may hold folder entries, which install nothing).
    private static int CountZipEntries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.Count(e => !e.FullName.EndsWith('/'));
    }

    private static int CountTarMembers(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        var count = 0;
        while (tar.GetNextEntry(copyData: false) is not null)
        {
            count++;
        }

        return count;
    }
}
