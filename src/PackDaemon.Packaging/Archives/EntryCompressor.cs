using System.Collections.Frozen;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace PackDaemon.Packaging.Archives;

/// <summary>Hashes and compresses one entry; already-compressed formats (.png, .jpg, .gz, .woff2, ...) are stored.</summary>
/// <remarks>
/// <para>
/// Engine and level: raw deflate from System.IO.Compression (zlib-ng since .NET 9) at zlib level 6. Measured
/// 2026-11-24 on the botocore tree of python 3.11.7 (2,041 files, 20.9 MB, of which 915 .gz files / 13.7 MB), files
/// preloaded, one thread unless noted; total output = stored .gz + min(deflated, raw) for the rest. Times: a first
/// run at light load (4th warm run) and a rerun under load average ~15 on 2 cores (median of 7); sizes are exact.
/// </para>
/// <code>
///                               .gz stored (chosen)               .gz deflated too
///                               light   loaded  bytes             light   loaded  bytes
///   DeflateStream Fastest        22 ms   239 ms 15,854,673        104 ms   535 ms 15,854,038
///   DeflateStream Optimal (=6)   71 ms   457 ms 15,266,119        263 ms  1249 ms 15,259,359
///   DeflateStream SmallestSize  132 ms   936 ms 15,250,594        380 ms  1539 ms 15,244,420
///   SharpZipLib Deflater 1      114 ms   393 ms 15,535,232        430 ms  1405 ms 15,529,270
///   SharpZipLib Deflater 6      191 ms   666 ms 15,260,722        486 ms  1720 ms 15,254,387
///   SharpZipLib Deflater 9      499 ms  1207 ms 15,246,144        846 ms  1889 ms 15,239,808
///   Parallel.For, .gz stored: DeflateStream 6 36 ms / 145 ms, SharpZipLib 6 144 ms / 440 ms.
///   SHA-256 + CRC-32 (System.IO.Hashing) of the whole tree, serial: 38 ms / 107 ms.
/// </code>
/// <para>
/// zlib-ng level 6 is 1.5-2.7x faster than SharpZipLib's managed deflater at the same size (0.04% larger), Fastest
/// costs 3.9% more bytes, SmallestSize buys 0.1% for about twice the time. Storing by extension matters most:
/// deflating the .gz files again costs 2-4x the time to save 6.8 KB. Level 6 is pinned numerically (not
/// <see cref="CompressionLevel.Optimal"/>, whose meaning the runtime may change), so the bytes are "same packd and
/// runtime build, same bytes"; zlib-ng itself may change output across runtime updates, which changes compressed
/// bytes only, never the RECORD hashes.
/// </para>
/// </remarks>
public static class EntryCompressor
{
    /// <summary>The pinned zlib level (see the measurements above).</summary>
    public const int DeflateLevel = 6;

    // Formats whose payload is already entropy-coded: deflate would burn time to gain nothing. Not listed on purpose:
    // .ico (BMP bitmaps inside, compress well), .pdf (text objects and xref tables compress; the shrink check decides),
    // .svg (text). Anything else that does not shrink is stored by the size check below.
    private static readonly FrozenSet<string> s_storedExtensions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".heic", ".jxl",
        ".woff", ".woff2",
        ".gz", ".tgz", ".svgz", ".bz2", ".tbz2", ".xz", ".txz", ".lz", ".lzma", ".zst", ".br", ".7z", ".rar",
        ".zip", ".whl", ".egg", ".jar", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub",
        ".mp3", ".mp4", ".m4a", ".m4v", ".aac", ".webm", ".ogg", ".oga", ".ogv", ".opus", ".flac", ".mov", ".mkv");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_storedLookup =
        s_storedExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly ZLibCompressionOptions s_options = new()
    {
        CompressionLevel = DeflateLevel,
        CompressionStrategy = ZLibCompressionStrategy.Default,
    };

    // One growable buffer per thread: the compressor runs on ~20,000 files in parallel, and reusing it avoids
    // a MemoryStream regrowth per file. Only the final, exactly-sized copy is allocated per entry.
    [ThreadStatic]
    private static MemoryStream? t_scratch;

    /// <summary>As <see cref="Compress(string, ReadOnlySpan{byte})"/>, but a stored entry keeps <paramref name="content"/>
    /// itself instead of a copy: the caller hands the array over and must not change it afterwards. Stored entries are
    /// most of the bytes of an asset-heavy tree (images, fonts, .gz models), so the copy is worth avoiding.</summary>
    public static CompressedBlob Compress(string archivePath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Compress(archivePath, content, content);
    }

    public static CompressedBlob Compress(string archivePath, ReadOnlySpan<byte> content) => Compress(archivePath, content, null);

    /// <summary>As <see cref="Compress(string, ReadOnlySpan{byte})"/> for a caller that already hashed the content
    /// (the daemon hashes every file it reads to decide whether anything changed), so it is not hashed twice.</summary>
    public static CompressedBlob CompressHashed(string archivePath, ReadOnlySpan<byte> content, byte[] sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return Compress(archivePath, content, null, sha256);
    }

    private static CompressedBlob Compress(string archivePath, ReadOnlySpan<byte> content, byte[]? owned, byte[]? knownSha256 = null)
    {
        ArgumentNullException.ThrowIfNull(archivePath);

        byte[] sha256 = knownSha256 ?? SHA256.HashData(content);
        uint crc = Crc32.HashToUInt32(content);

        if (!IsPrecompressed(archivePath) && content.Length > 0
            && RawDeflate.TryCompress(content, DeflateLevel, out byte[] output, out int compressedLength))
        {
            if (compressedLength >= 0)
            {
                // Not pinned: the pinned heap's own budget forced a full collection in the middle of a 20,000-file
                // build (the GC then marks all of its live state), which cost more than copying blobs as they age.
                byte[] compressed = GC.AllocateUninitializedArray<byte>(compressedLength);
                output.AsSpan(0, compressedLength).CopyTo(compressed);
                RawDeflate.ReleaseIfHuge();
                return new CompressedBlob(crc, content.Length, sha256, compressed, ZipCompression.Deflated);
            }

            RawDeflate.ReleaseIfHuge();
        }
        else if (!IsPrecompressed(archivePath) && content.Length > 0)
        {
            var scratch = t_scratch ??= new MemoryStream();
            scratch.SetLength(0);
            using (var deflate = new DeflateStream(scratch, s_options, leaveOpen: true))
            {
                deflate.Write(content);
            }

            if (scratch.Length < content.Length)
            {
                // Not pinned, as above.
                byte[] compressed = GC.AllocateUninitializedArray<byte>((int)scratch.Length);
                scratch.GetBuffer().AsSpan(0, compressed.Length).CopyTo(compressed);
                ReleaseIfHuge(scratch);
                return new CompressedBlob(crc, content.Length, sha256, compressed, ZipCompression.Deflated);
            }

            ReleaseIfHuge(scratch);
        }

        return new CompressedBlob(crc, content.Length, sha256, owned ?? CopyUninitialized(content), ZipCompression.Stored);
    }

    /// <summary>True when the file name's extension marks an already-compressed format that is stored as-is.</summary>
    /// <summary>A stored entry's own copy of the bytes. Not <c>ToArray</c>: that zeroes the new array before copying over
    /// it, and stored entries are most of the bytes of a tree like botocore's (13.6 MB of .gz models).</summary>
    private static byte[] CopyUninitialized(ReadOnlySpan<byte> content)
    {
        byte[] copy = GC.AllocateUninitializedArray<byte>(content.Length);
        content.CopyTo(copy);
        return copy;
    }

    public static bool IsPrecompressed(string archivePath)
    {
        ArgumentNullException.ThrowIfNull(archivePath);
        var name = archivePath.AsSpan(archivePath.LastIndexOf('/') + 1);
        int dot = name.LastIndexOf('.');
        return dot > 0 && s_storedLookup.Contains(name[dot..]);
    }

    private static void ReleaseIfHuge(MemoryStream scratch)
    {
        // Keep the per-thread buffer for ordinary files; do not pin a one-off 100 MB buffer to a pool thread forever.
        if (scratch.Capacity > 4 << 20)
        {
            t_scratch = null;
        }
    }
}
