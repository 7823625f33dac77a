using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

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
/// The tar stream goes straight through raw deflate (zlib level <see cref="EntryCompressor.DeflateLevel"/>) to
/// <c>output</c>; nothing is buffered beyond the deflater's window. We write the gzip header ourselves because
/// GZipStream cannot set MTIME or OS. Members larger than 8 GiB would need a pax <c>size</c> record, but content
/// arrives as a span (at most 2 GiB), so the ustar size field always suffices. Not safe to call in parallel.
/// </para>
/// </remarks>
public sealed class SdistWriter : IDisposable
{
    private const int BlockSize = 512;
    private const int NameLength = 100;
    private const int PrefixLength = 155;

    /// <summary>CPython's tarfile uses this one name for every pax header; it is deterministic by construction.</summary>
    internal const string PaxHeaderName = "././@PaxHeader";

    private readonly Stream _output;
    private readonly DeflateStream _deflate;
    private readonly Crc32 _crc = new();
    private readonly long _mtime;
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private readonly byte[] _block = new byte[BlockSize];
    private long _tarLength;
    private bool _finished;
    private bool _disposed;

    public SdistWriter(Stream output, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _mtime = Math.Clamp(timestamp.ToUnixTimeSeconds(), 0, uint.MaxValue);

        // RFC 1952: ID1 ID2, CM=8 (deflate), FLG=0 (no FNAME, no FEXTRA...), MTIME (LE), XFL=0, OS=255 (unknown).
        Span<byte> header = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF];
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)_mtime);
        _output.Write(header);
        _deflate = new DeflateStream(
            output,
            new ZLibCompressionOptions { CompressionLevel = EntryCompressor.DeflateLevel, CompressionStrategy = ZLibCompressionStrategy.Default },
            leaveOpen: true);
    }

    /// <param name="path">Path inside the archive, including the top folder (<c>name-1.0/pkg/x.py</c>).</param>
    public void Add(string path, ReadOnlySpan<byte> content, bool executable)
    {
        ArgumentNullException.ThrowIfNull(path);
        ObjectDisposedException.ThrowIf(_finished || _disposed, this);
        ArchivePath.Validate(path);
        if (!_paths.Add(path))
        {
            throw ArchivePath.Duplicate(path);
        }

        byte[] pathBytes = Encoding.UTF8.GetBytes(path);
        int split = Ascii.IsValid(pathBytes) ? FindUstarSplit(pathBytes) : -1;
        if (split < 0)
        {
            WritePaxHeader(pathBytes);
            WriteHeader(FallbackName(pathBytes), [], content.Length, executable, typeFlag: (byte)'0');
        }
        else if (split == 0)
        {
            WriteHeader(pathBytes, [], content.Length, executable, typeFlag: (byte)'0');
        }
        else
        {
            WriteHeader(pathBytes.AsSpan(split + 1), pathBytes.AsSpan(0, split), content.Length, executable, typeFlag: (byte)'0');
        }

        WriteTar(content);
        WritePadding(content.Length);
    }

    /// <summary>Writes the end-of-archive blocks and the gzip trailer. The stream stays open.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished || _disposed, this);
        _finished = true;

        Array.Clear(_block);
        WriteTar(_block);
        WriteTar(_block);
        _deflate.Dispose();

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)_tarLength));
        _output.Write(trailer);
        _output.Flush();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _deflate.Dispose();
    }

    /// <summary>
    /// 0 when the whole path fits the 100-byte name field; the index of the '/' splitting it into prefix (at most 155
    /// bytes) and name (at most 100) otherwise, choosing the shortest prefix as CPython's ustar writer does; -1 if no
    /// split fits, so a pax header must carry the path.
    /// </summary>
    internal static int FindUstarSplit(ReadOnlySpan<byte> path)
    {
        if (path.Length <= NameLength)
        {
            return 0;
        }

        for (int i = 0; i < path.Length && i <= PrefixLength; i++)
        {
            if (path[i] == (byte)'/' && path.Length - i - 1 <= NameLength)
            {
                return i;
            }
        }

        return -1;
    }

    // The ustar name under a pax header is ignored by pax readers; old readers see the first 100 bytes, made ASCII.
    private static byte[] FallbackName(ReadOnlySpan<byte> path)
    {
        var name = path[..Math.Min(path.Length, NameLength)].ToArray();
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] >= 0x80)
            {
                name[i] = (byte)'_';
            }
        }

        return name;
    }

    private void WritePaxHeader(ReadOnlySpan<byte> pathBytes)
    {
        // A pax record is "<length> path=<value>\n" where <length> counts the whole record, its own digits included.
        int rest = " path=".Length + pathBytes.Length + 1;
        int length = rest + 1;
        while (length != rest + CountDigits(length))
        {
            length = rest + CountDigits(length);
        }

        byte[] record = new byte[length];
        int at = Encoding.ASCII.GetBytes(length.ToString(System.Globalization.CultureInfo.InvariantCulture), record);
        at += Encoding.ASCII.GetBytes(" path=", record.AsSpan(at));
        pathBytes.CopyTo(record.AsSpan(at));
        record[^1] = (byte)'\n';

        WriteHeader(Encoding.ASCII.GetBytes(PaxHeaderName), [], record.Length, executable: false, typeFlag: (byte)'x');
        WriteTar(record);
        WritePadding(record.Length);
    }

    private static int CountDigits(int value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    private void WriteHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> prefix, long size, bool executable, byte typeFlag)
    {
        Span<byte> h = _block;
        h.Clear();
        name.CopyTo(h);
        WriteOctal(h.Slice(100, 8), executable ? 0x1ED : 0x1A4); // 0755 : 0644
        WriteOctal(h.Slice(108, 8), 0); // uid
        WriteOctal(h.Slice(116, 8), 0); // gid
        WriteOctal(h.Slice(124, 12), size);
        WriteOctal(h.Slice(136, 12), _mtime);
        h[156] = typeFlag;
        "ustar\0"u8.CopyTo(h[257..]);
        "00"u8.CopyTo(h[263..]);
        // uname (265) and gname (297) stay empty; devmajor/devminor are zero like CPython's.
        WriteOctal(h.Slice(329, 8), 0);
        WriteOctal(h.Slice(337, 8), 0);
        prefix.CopyTo(h[345..]);

        // The checksum is the byte sum with its own field read as eight spaces, written "%06o\0 ".
        h.Slice(148, 8).Fill((byte)' ');
        int sum = 0;
        foreach (byte b in h)
        {
            sum += b;
        }

        WriteOctal(h.Slice(148, 7), sum);
        WriteTar(h);
    }

    // Zero-padded octal filling the field but its last byte, which is NUL (the ustar numeric form).
    private static void WriteOctal(Span<byte> field, long value)
    {
        int digits = field.Length - 1;
        field[digits] = 0;
        for (int i = digits - 1; i >= 0; i--)
        {
            field[i] = (byte)('0' + (value & 7));
            value >>= 3;
        }
    }

    private void WritePadding(long length)
    {
        int padding = (int)((BlockSize - (length % BlockSize)) % BlockSize);
        if (padding > 0)
        {
            Array.Clear(_block);
            WriteTar(_block.AsSpan(0, padding));
        }
    }

    private void WriteTar(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _deflate.Write(bytes);
        _tarLength += bytes.Length;
    }
}
