using System.Buffers;

namespace PackDaemon.Packaging.Selection;

/// <summary>Byte-level helpers the secret rules share: ASCII classes, runs, lines.</summary>
internal static class SecretText
{
    private static readonly SearchValues<byte> s_alphanumeric =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8);

    private static readonly SearchValues<byte> s_base64 =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"u8);

    public static SearchValues<byte> Alphanumeric => s_alphanumeric;

    public static SearchValues<byte> Base64 => s_base64;

    public static bool IsAlphanumeric(byte b) => s_alphanumeric.Contains(b);

    public static bool IsWordByte(byte b) => b == (byte)'_' || s_alphanumeric.Contains(b);

    /// <summary>Length of the run of bytes from <paramref name="values"/> starting at <paramref name="start"/>.</summary>
    public static int RunLength(ReadOnlySpan<byte> content, int start, SearchValues<byte> values)
    {
        if (start >= content.Length)
        {
            return 0;
        }

        int end = content[start..].IndexOfAnyExcept(values);
        return end < 0 ? content.Length - start : end;
    }

    /// <summary>
    /// A placeholder token in a docs page (<c>ghp_xxxxxxxx…</c>, <c>AIzaSy0000…</c>) repeats a few characters; a real one
    /// is random. Fewer than 8 distinct bytes in 20 or more is not random.
    /// </summary>
    public static bool LooksRandom(ReadOnlySpan<byte> token)
    {
        Span<bool> seen = stackalloc bool[128];
        int distinct = 0;
        foreach (byte b in token)
        {
            if (b < 128 && !seen[b])
            {
                seen[b] = true;
                distinct++;
            }
        }

        return distinct >= 8;
    }

    public static int LineStart(ReadOnlySpan<byte> content, int offset)
    {
        int newline = content[..offset].LastIndexOf((byte)'\n');
        return newline + 1;
    }

    public static int LineEnd(ReadOnlySpan<byte> content, int offset)
    {
        int newline = content[offset..].IndexOf((byte)'\n');
        return newline < 0 ? content.Length : offset + newline;
    }

    public static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
        => IndexOfIgnoreCase(haystack, lowerNeedle) >= 0;

    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        byte first = lowerNeedle[0];
        byte firstUpper = (byte)char.ToUpperInvariant((char)first);
        int offset = 0;
        while (offset <= haystack.Length - lowerNeedle.Length)
        {
            int i = haystack[offset..].IndexOfAny(first, firstUpper);
            if (i < 0 || offset + i > haystack.Length - lowerNeedle.Length)
            {
                return -1;
            }

            int at = offset + i;
            if (System.Text.Ascii.EqualsIgnoreCase(haystack.Slice(at, lowerNeedle.Length), lowerNeedle))
            {
                return at;
            }

            offset = at + 1;
        }

        return -1;
    }
}
