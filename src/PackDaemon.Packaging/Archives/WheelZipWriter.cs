using System.Buffers.Binary;
using System.Text;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Writes a deterministic zip: entries in the order added, no directory entries, host Unix, modes 644/755,
/// one fixed timestamp, no data descriptors, no extra fields, UTF-8 flag on non-ASCII names.
/// </summary>
/// <remarks>
/// <para>
/// Our own writer rather than SharpZipLib 1.4.2: probed on 2026-11-24, its <c>ZipOutputStream</c> (with
/// <c>PutNextPassthroughEntry</c> for deflated blobs and preset Size/CompressedSize/Crc for stored ones) writes
/// "version made by" 0x0333 (its hard-coded 5.1, not the recipe's 0x0314), sets general-purpose bit 11 on every name,
/// ASCII included, and writes "version needed" 10 for stored entries. None of these is settable, so the bytes
/// could only be fixed by patching the output. The format we need (no descriptors, no extras, sizes known up front)
/// is about 200 lines, and copying blobs as-is is exactly a stream write, so there is no speed to gain from a library.
/// </para>
/// <para>
/// ZIP64 is written only when needed: 65,535 entries or more (APPNOTE 4.4.1.4 reads 0xFFFF as "see ZIP64"), or the central directory (or an entry's local header)
/// beyond 4 GiB. Per-entry sizes never need it because blobs are at most 2 GiB (.NET arrays); larger entries are
/// refused (PD5012). Not safe to call in parallel: one writer, one thread.
/// </para>
/// </remarks>
public sealed class WheelZipWriter : IDisposable
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64EndOfCentralDirectorySignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;

    // Host 3 (Unix) in the high byte, spec version 2.0 in the low byte, like CPython's zipfile on Unix.
    private const ushort VersionMadeBy = 0x0314;
    private const ushort VersionMadeByZip64 = 0x032D;
    private const ushort VersionNeeded = 20;
    private const ushort VersionNeededZip64 = 45;
    private const ushort Utf8NameFlag = 0x0800;
    private const uint RegularFileMode = 0x81A4; // 0100644
    private const uint ExecutableFileMode = 0x81ED; // 0100755

    private readonly Stream _output;
    private readonly ushort _dosTime;
    private readonly ushort _dosDate;
    private readonly List<CentralEntry> _entries;
    private readonly HashSet<string> _names;
    private long _offset;
    private bool _finished;

    /// <param name="expectedEntries">How many entries will be added, when known: the entry list and the name set are sized
    /// once instead of growing (20,000 entries grow them about fifteen times).</param>
    public WheelZipWriter(Stream output, DateTimeOffset timestamp, int expectedEntries = 0)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedEntries);
        _output = output;
        _entries = new List<CentralEntry>(expectedEntries);
        _names = new HashSet<string>(expectedEntries, StringComparer.Ordinal);
        (_dosDate, _dosTime) = ToDosDateTime(timestamp);
    }

    public void Add(string name, CompressedBlob blob, bool executable)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(blob);
        ObjectDisposedException.ThrowIf(_finished, this);
        ArchivePath.Validate(name);

        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        if (nameBytes.Length > ushort.MaxValue)
        {
            throw ArchivePath.TooLarge(name, $"has a {nameBytes.Length}-byte name; zip names are limited to 65,535 bytes");
        }

        if (blob.UncompressedSize >= uint.MaxValue)
        {
            throw ArchivePath.TooLarge(name, "is 4 GiB or larger; packd does not write ZIP64 entry sizes");
        }

        if (blob.Method == ZipCompression.Stored && blob.Data.Length != blob.UncompressedSize)
        {
            throw new ArgumentException($"Stored blob for '{name}' has {blob.Data.Length} bytes but claims {blob.UncompressedSize}.", nameof(blob));
        }

        if (!_names.Add(name))
        {
            throw ArchivePath.Duplicate(name);
        }

        var entry = new CentralEntry(
            nameBytes,
            Ascii.IsValid(name) ? (ushort)0 : Utf8NameFlag,
            (ushort)blob.Method,
            blob.Crc32,
            (uint)blob.Data.Length,
            (uint)blob.UncompressedSize,
            _offset,
            executable ? ExecutableFileMode : RegularFileMode);

        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, LocalHeaderSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], entry.Flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], entry.Method);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], entry.Crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], entry.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], entry.UncompressedSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)nameBytes.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        _output.Write(header);
        _output.Write(nameBytes);
        _output.Write(blob.Data.Span);

        _offset += header.Length + nameBytes.Length + blob.Data.Length;
        _entries.Add(entry);
    }

    /// <summary>Writes the central directory. The stream stays open.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;

        long centralStart = _offset;
        Span<byte> header = stackalloc byte[46];
        Span<byte> zip64Extra = stackalloc byte[12];
        foreach (var entry in _entries)
        {
            bool offsetNeedsZip64 = entry.LocalHeaderOffset >= uint.MaxValue;
            BinaryPrimitives.WriteUInt32LittleEndian(header, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(header[4..], VersionMadeBy);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], offsetNeedsZip64 ? VersionNeededZip64 : VersionNeeded);
            BinaryPrimitives.WriteUInt16LittleEndian(header[8..], entry.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(header[10..], entry.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(header[12..], _dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(header[14..], _dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], entry.Crc32);
            BinaryPrimitives.WriteUInt32LittleEndian(header[20..], entry.CompressedSize);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], entry.UncompressedSize);
            BinaryPrimitives.WriteUInt16LittleEndian(header[28..], (ushort)entry.Name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(header[30..], offsetNeedsZip64 ? (ushort)zip64Extra.Length : (ushort)0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 0); // comment length
            BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 0); // disk number
            BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // internal attributes
            BinaryPrimitives.WriteUInt32LittleEndian(header[38..], entry.Mode << 16);
            BinaryPrimitives.WriteUInt32LittleEndian(header[42..], offsetNeedsZip64 ? uint.MaxValue : (uint)entry.LocalHeaderOffset);
            _output.Write(header);
            _output.Write(entry.Name);
            _offset += header.Length + entry.Name.Length;
            if (offsetNeedsZip64)
            {
                // ZIP64 extended information: only the fields set to 0xFFFFFFFF above appear, here the offset.
                BinaryPrimitives.WriteUInt16LittleEndian(zip64Extra, 0x0001);
                BinaryPrimitives.WriteUInt16LittleEndian(zip64Extra[2..], 8);
                BinaryPrimitives.WriteUInt64LittleEndian(zip64Extra[4..], (ulong)entry.LocalHeaderOffset);
                _output.Write(zip64Extra);
                _offset += zip64Extra.Length;
            }
        }

        long centralSize = _offset - centralStart;
        long count = _entries.Count;
        bool needsZip64 = count >= ushort.MaxValue || centralStart >= uint.MaxValue || centralSize >= uint.MaxValue;
        if (needsZip64)
        {
            WriteZip64End(count, centralStart, centralSize);
        }

        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)Math.Min(centralSize, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)Math.Min(centralStart, uint.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end[20..], 0);
        _output.Write(end);
        _offset += end.Length;
        _output.Flush();
    }

    public void Dispose()
    {
        // The caller owns the stream; an unfinished archive is simply abandoned (AtomicFile then discards it).
        _finished = true;
    }

    /// <summary>DOS date and time of <paramref name="timestamp"/> in UTC, clamped to 1980..2107, seconds rounded down to even.</summary>
    internal static (ushort Date, ushort Time) ToDosDateTime(DateTimeOffset timestamp)
    {
        var utc = timestamp.UtcDateTime;
        var earliest = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var latest = new DateTime(2107, 12, 31, 23, 59, 58, DateTimeKind.Utc);
        utc = utc < earliest ? earliest : utc > latest ? latest : utc;

        // DOS time has 2-second resolution; like CPython's zipfile (second // 2), odd seconds round down.
        ushort date = (ushort)(((utc.Year - 1980) << 9) | (utc.Month << 5) | utc.Day);
        ushort time = (ushort)((utc.Hour << 11) | (utc.Minute << 5) | (utc.Second / 2));
        return (date, time);
    }

    private void WriteZip64End(long count, long centralStart, long centralSize)
    {
        long recordOffset = _offset;
        Span<byte> record = stackalloc byte[56];
        BinaryPrimitives.WriteUInt32LittleEndian(record, Zip64EndOfCentralDirectorySignature);
        BinaryPrimitives.WriteUInt64LittleEndian(record[4..], (ulong)(record.Length - 12)); // size of the rest of the record
        BinaryPrimitives.WriteUInt16LittleEndian(record[12..], VersionMadeByZip64);
        BinaryPrimitives.WriteUInt16LittleEndian(record[14..], VersionNeededZip64);
        BinaryPrimitives.WriteUInt32LittleEndian(record[16..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(record[20..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(record[24..], (ulong)count);
        BinaryPrimitives.WriteUInt64LittleEndian(record[32..], (ulong)count);
        BinaryPrimitives.WriteUInt64LittleEndian(record[40..], (ulong)centralSize);
        BinaryPrimitives.WriteUInt64LittleEndian(record[48..], (ulong)centralStart);
        _output.Write(record);

        Span<byte> locator = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, Zip64LocatorSignature);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[4..], 0);
        BinaryPrimitives.WriteUInt64LittleEndian(locator[8..], (ulong)recordOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
        _output.Write(locator);
        _offset += record.Length + locator.Length;
    }

    private readonly record struct CentralEntry(
        byte[] Name,
        ushort Flags,
        ushort Method,
        uint Crc32,
        uint CompressedSize,
        uint UncompressedSize,
        long LocalHeaderOffset,
        uint Mode);
}
