using System.Globalization;
using System.Text;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// The tar bytes that precede one member's content: a pax extended header only where ustar cannot hold the path, then
/// the ustar header, with uid/gid 0, empty owner names, mode 644/755 and the artifact's one mtime.
/// </summary>
internal static class TarMemberEncoder
{
    public const int BlockSize = 512;
    private const int NameLength = 100;
    private const int PrefixLength = 155;

    /// <summary>CPython's tarfile uses this one name for every pax header; it is deterministic by construction.</summary>
    internal const string PaxHeaderName = "././@PaxHeader";

    /// <summary>Zero bytes that pad <paramref name="length"/> up to a whole block.</summary>
    public static int PaddingFor(long length) => (int)((BlockSize - (length % BlockSize)) % BlockSize);

    /// <summary>The header block(s) of a regular file member of <paramref name="size"/> bytes.</summary>
    public static byte[] Header(string path, long size, bool executable, long mtime)
    {
        byte[] pathBytes = Encoding.UTF8.GetBytes(path);
        int split = Ascii.IsValid(pathBytes) ? FindUstarSplit(pathBytes) : -1;
        if (split == 0)
        {
            return UstarHeader(pathBytes, [], size, executable, mtime, typeFlag: (byte)'0');
        }

        if (split > 0)
        {
            return UstarHeader(pathBytes.AsSpan(split + 1), pathBytes.AsSpan(0, split), size, executable, mtime, typeFlag: (byte)'0');
        }

        byte[] record = PaxPathRecord(pathBytes);
        int padding = PaddingFor(record.Length);
        var bytes = new byte[BlockSize + record.Length + padding + BlockSize];
        UstarHeader(Encoding.ASCII.GetBytes(PaxHeaderName), [], record.Length, executable: false, mtime, typeFlag: (byte)'x').CopyTo(bytes, 0);
        record.CopyTo(bytes, BlockSize);
        UstarHeader(FallbackName(pathBytes), [], size, executable, mtime, typeFlag: (byte)'0').CopyTo(bytes, BlockSize + record.Length + padding);
        return bytes;
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

    private static byte[] PaxPathRecord(ReadOnlySpan<byte> pathBytes)
    {
        // A pax record is "<length> path=<value>\n" where <length> counts the whole record, its own digits included.
        int rest = " path=".Length + pathBytes.Length + 1;
        int length = rest + 1;
        while (length != rest + CountDigits(length))
        {
            length = rest + CountDigits(length);
        }

        byte[] record = new byte[length];
        int at = Encoding.ASCII.GetBytes(length.ToString(CultureInfo.InvariantCulture), record);
        at += Encoding.ASCII.GetBytes(" path=", record.AsSpan(at));
        pathBytes.CopyTo(record.AsSpan(at));
        record[^1] = (byte)'\n';
        return record;
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

    private static byte[] UstarHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> prefix, long size, bool executable, long mtime, byte typeFlag)
    {
        var block = new byte[BlockSize];
        Span<byte> h = block;
        name.CopyTo(h);
        WriteOctal(h.Slice(100, 8), executable ? 0x1ED : 0x1A4); // 0755 : 0644
        WriteOctal(h.Slice(108, 8), 0); // uid
        WriteOctal(h.Slice(116, 8), 0); // gid
        WriteOctal(h.Slice(124, 12), size);
        WriteOctal(h.Slice(136, 12), mtime);
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
        return block;
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
}
