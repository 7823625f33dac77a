using System.Buffers.Binary;
using System.IO.Hashing;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Writes a reproducible <c>.tar.gz</c>: ustar headers, pax extended headers only where ustar cannot hold the path,
/// uid/gid 0, empty owner names, modes 644/755, one fixed mtime, and a gzip header with that mtime, no FNAME, OS 255.
/// </summary>
/// <remarks>
/// <para>
/// Our own tar writer, not System.Formats.Tar: its pax extended headers are named <c>&lt;dir&gt;/PaxHeaders.&lt;pid&gt;/&lt;file&gt;</c>,
/// embedding the process id, so two runs give different bytes (dotnet/runtime#132049), and path-based writes capture
/// the host's owner. Ours names every pax header <c>././@PaxHeader</c>, the fixed name CPython's tarfile writes, so
/// an old non-pax extractor at worst creates one stray file instead of pid-named folders.
/// </para>
/// <para>
/// The gzip member holds one deflate stream made of independently compressed segments (see <see cref="DeflateSegment"/>),
/// then one for the end-of-archive blocks, then an empty final block. The trailer's CRC-32 is combined from the
/// segments' CRCs (<see cref="Crc32Combination"/>) and ISIZE is the tar length mod 2^32. A daemon therefore rebuilds an
/// sdist by recompressing only the segments that changed and copying the others; a clean build takes the same path
/// with every segment fresh, so both give the same bytes. It is the layout pigz uses for parallel gzip, and any gzip
/// reader sees one ordinary member.
/// </para>
/// <para>
/// A segment is a group of consecutive members (<see cref="AddGroup"/>; the rule is <see cref="SdistGrouping"/>),
/// because each segment starts with an empty window and ends with a 5-byte flush marker: one segment per member lost
/// what deflate learns across files. Measured 2026-11-24 (zlib level 6; "gzip -6" is <c>gzip -dc x.tar.gz | gzip -6 -n</c>,
/// the same tar bytes in one stream): tests/fixtures/flask-app (9 small members) one segment per member 2,222 bytes,
/// grouped 1,476, gzip -6 1,485; the botocore tree (1,965 files, 915 of them already .gz) 14,880,954 → 14,640,734,
/// gzip -6 14,618,661 (+0.15 %); the generated 20,000-file webapp (bench/make_trees.py: small, near-identical files,
/// where a shared window pays most) 6,831,033 → 2,478,360, gzip -6 2,224,702 (+11 %: a group of ~32 such files is only
/// ~1.5 windows, and its first window starts cold). A one-file edit re-deflates one group of at most 256 KiB of tar
/// (IncrementalBench on that webapp, noisy shared 2-core machine: one-file edit p50 62-128 ms before, 66-88 ms after);
/// the group cache is memory-only, so the first edit after a daemon restart re-deflates every group (513 ms sdist on
/// the webapp, beside the 743 ms the wheel's memory-only RECORD cache already costs there).
/// </para>
/// <para>
/// Members larger than 8 GiB would need a pax <c>size</c> record, but content arrives as a span (at most 2 GiB), so
/// the ustar size field always suffices. Not safe to call in parallel; <see cref="CompressMember"/> and
/// <see cref="SdistGroupCompressor.Compress"/> are. <see cref="Add"/> writes one segment per member (a library use
/// and the tests); the daemon writes groups.
/// </para>
/// </remarks>
public sealed class SdistWriter : IDisposable
{
    /// <summary>CPython's tarfile uses this one name for every pax header; it is deterministic by construction.</summary>
    internal const string PaxHeaderName = TarMemberEncoder.PaxHeaderName;

    // Two zero blocks end a tar archive; compressed once, they are the same in every sdist.
    private static readonly Lazy<SdistSegment> s_endOfArchive = new(() =>
    {
        var zeros = new byte[2 * TarMemberEncoder.BlockSize];
        return new SdistSegment(DeflateSegment.Compress([], zeros, 0), Crc32.HashToUInt32(zeros), zeros.Length);
    });

    private readonly Stream _output;
    private readonly DateTimeOffset _timestamp;
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private uint _crc;
    private long _tarLength;
    private bool _finished;
    private bool _disposed;

    public SdistWriter(Stream output, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _timestamp = timestamp;

        // RFC 1952: ID1 ID2, CM=8 (deflate), FLG=0 (no FNAME, no FEXTRA...), MTIME (LE), XFL=0, OS=255 (unknown).
        Span<byte> header = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF];
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)TarMtime(timestamp));
        _output.Write(header);
    }

    /// <summary>The mtime written into tar headers and the gzip header: seconds since 1970, clamped to 32 bits.</summary>
    public static long TarMtime(DateTimeOffset timestamp) => Math.Clamp(timestamp.ToUnixTimeSeconds(), 0, uint.MaxValue);

    /// <summary>Compresses one member (header, content, padding) into a segment; safe to call in parallel.</summary>
    /// <param name="path">Path inside the archive, including the top folder (<c>name-1.0/pkg/x.py</c>).</param>
    public static SdistSegment CompressMember(string path, ReadOnlySpan<byte> content, bool executable, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArchivePath.Validate(path);
        byte[] header = TarMemberEncoder.Header(path, content.Length, executable, TarMtime(timestamp));
        int padding = TarMemberEncoder.PaddingFor(content.Length);

        var crc = new Crc32();
        crc.Append(header);
        crc.Append(content);
        Span<byte> zeros = stackalloc byte[padding];
        zeros.Clear();
        crc.Append(zeros);
        return new SdistSegment(DeflateSegment.Compress(header, content, padding), crc.GetCurrentHashAsUInt32(), header.Length + content.Length + padding);
    }

    /// <param name="path">Path inside the archive, including the top folder (<c>name-1.0/pkg/x.py</c>).</param>
    public void Add(string path, ReadOnlySpan<byte> content, bool executable)
        => AddSegment(path, CompressMember(path, content, executable, _timestamp));

    /// <summary>Appends a member compressed by <see cref="CompressMember"/> for <paramref name="path"/> and this archive's timestamp.</summary>
    public void AddSegment(string path, SdistSegment segment)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(segment);
        ObjectDisposedException.ThrowIf(_finished || _disposed, this);
        if (!_paths.Add(path))
        {
            throw ArchivePath.Duplicate(path);
        }

        Append(segment);
    }

    /// <summary>Appends consecutive members compressed together by <see cref="SdistGroupCompressor"/>, for these paths in order.</summary>
    public void AddGroup(IReadOnlyList<string> paths, SdistSegment group)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(group);
        ObjectDisposedException.ThrowIf(_finished || _disposed, this);
        foreach (var path in paths)
        {
            if (!_paths.Add(path))
            {
                throw ArchivePath.Duplicate(path);
            }
        }

        Append(group);
    }

    /// <summary>Writes the end-of-archive blocks, the final deflate block and the gzip trailer. The stream stays open.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished || _disposed, this);
        _finished = true;
        Append(s_endOfArchive.Value);
        _output.Write(DeflateSegment.FinalBlock);

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_tarLength));
        _output.Write(trailer);
        _output.Flush();
    }

    public void Dispose() => _disposed = true;

    /// <inheritdoc cref="TarMemberEncoder.FindUstarSplit"/>
    internal static int FindUstarSplit(ReadOnlySpan<byte> path) => TarMemberEncoder.FindUstarSplit(path);

    private void Append(SdistSegment segment)
    {
        _output.Write(segment.Deflated.Span);
        // The CRC of nothing is 0, and combining 0 with a segment's CRC gives that CRC, so the first append needs no case.
        _crc = Crc32Combination.Combine(_crc, segment.Crc32, segment.TarLength);
        _tarLength += segment.TarLength;
    }
}
