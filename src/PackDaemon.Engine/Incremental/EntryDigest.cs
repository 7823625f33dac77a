using System.Security.Cryptography;
using System.Text;

namespace PackDaemon.Engine.Incremental;

/// <summary>One hash for "these entries with this content and mode": what an artifact's bytes depend on besides the
/// timestamp and the layout code, so equal digests (same request) mean the artifact on disk can stay.</summary>
internal static class EntryDigest
{
    /// <param name="entries">In archive order, which is itself deterministic (sorted by the layout).</param>
    public static Sha256Value Of(IReadOnlyList<EntryName> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> record = stackalloc byte[33];
        byte[] buffer = new byte[256];
        foreach (var (name, entry) in entries)
        {
            int length = Encoding.UTF8.GetMaxByteCount(name.Length) + 1;
            if (buffer.Length < length)
            {
                buffer = new byte[length];
            }

            int written = Encoding.UTF8.GetBytes(name, buffer);
            buffer[written] = 0; // names never hold NUL (ArchivePath.Validate), so this separates them unambiguously
            hash.AppendData(buffer, 0, written + 1);
            entry.Content.WriteTo(record);
            record[32] = entry.Executable ? (byte)1 : (byte)0;
            hash.AppendData(record);
        }

        return Sha256Value.From(hash.GetHashAndReset());
    }
}
