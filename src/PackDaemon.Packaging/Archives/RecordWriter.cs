using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PackDaemon.Packaging.Archives;

/// <summary>Builds a wheel's RECORD: csv rows <c>path,sha256=urlsafe-b64-nopad,size</c>, RECORD itself last with empty fields.</summary>
/// <remarks>Rows keep the order they were added in (the caller adds them in archive order). Safe to call in parallel.</remarks>
public sealed class RecordWriter
{
    // Python's csv.writer (QUOTE_MINIMAL, default dialect) quotes a field holding the delimiter, the quote char or a
    // line-terminator char; Python 3.12+ always treats \r and \n so, and 3.11 does through the default "\r\n" terminator.
    private static readonly SearchValues<char> s_needsQuoting = SearchValues.Create(",\"\r\n");

    [ThreadStatic]
    private static StringBuilder? t_row;

    private readonly StringBuilder _rows = new();
    private readonly Lock _gate = new();

    public void Add(string path, byte[] sha256, long size)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        string hash = FormatHash(sha256);
        lock (_gate)
        {
            AppendField(_rows, path);
            _rows.Append(',').Append(hash).Append(',').Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    /// <summary>The RECORD bytes (UTF-8, <c>\n</c> line ends), ending with the row <paramref name="recordPath"/>,,.</summary>
    public byte[] ToBytes(string recordPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordPath);
        var text = new StringBuilder();
        lock (_gate)
        {
            text.Append(_rows);
        }

        AppendField(text, recordPath);
        text.Append(",,\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary><c>sha256=</c> + urlsafe base64 without padding.</summary>
    /// <summary>One row as UTF-8 bytes, exactly as <see cref="ToBytes"/> writes it: the daemon caches rows per entry
    /// so a rebuild does not format 20,000 of them again.</summary>
    public static byte[] Row(string path, byte[] sha256, long size)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentOutOfRangeException.ThrowIfNegative(size);

        if (path.AsSpan().IndexOfAny(s_needsQuoting) < 0)
        {
            return UnquotedRow(path, sha256, size);
        }

        // One builder per thread: the daemon's first build formats 20,000 rows.
        var row = t_row ??= new StringBuilder(256);
        row.Clear();
        AppendField(row, path);
        row.Append(",sha256=").Append(Base64Url.EncodeToString(sha256)).Append(',').Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return Encoding.UTF8.GetBytes(row.ToString());
    }

    /// <summary>
    /// The usual row, whose path needs no quoting, written straight as UTF-8 into its one array. Through a
    /// StringBuilder it cost a base64 string, a size string, the row string and the bytes per entry: on the 20,000-file
    /// tree RECORD's rows were one of the larger allocators of a build, on its serial wheel-writing path.
    /// </summary>
    private static byte[] UnquotedRow(string path, byte[] sha256, long size)
    {
        ReadOnlySpan<byte> prefix = ",sha256="u8;
        Span<byte> digits = stackalloc byte[20];
        size.TryFormat(digits, out int digitCount, default, CultureInfo.InvariantCulture);
        int pathBytes = Encoding.UTF8.GetByteCount(path);
        int hashBytes = Base64Url.GetEncodedLength(sha256.Length);
        var bytes = new byte[pathBytes + prefix.Length + hashBytes + 1 + digitCount + 1];
        var rest = bytes.AsSpan(Encoding.UTF8.GetBytes(path, bytes));
        prefix.CopyTo(rest);
        rest = rest[prefix.Length..];
        rest = rest[Base64Url.EncodeToUtf8(sha256, rest)..];
        rest[0] = (byte)',';
        digits[..digitCount].CopyTo(rest[1..]);
        rest[1 + digitCount] = (byte)'\n';
        return bytes;
    }

    /// <summary>The last row, RECORD's own, with empty hash and size.</summary>
    public static byte[] SelfRow(string recordPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordPath);
        var text = new StringBuilder();
        AppendField(text, recordPath);
        return Encoding.UTF8.GetBytes(text.Append(",,\n").ToString());
    }

    public static string FormatHash(byte[] sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        return string.Concat("sha256=", Base64Url.EncodeToString(sha256));
    }

    private static void AppendField(StringBuilder sb, string field)
    {
        if (field.AsSpan().IndexOfAny(s_needsQuoting) < 0)
        {
            sb.Append(field);
            return;
        }

        sb.Append('"');
        foreach (char c in field)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }
}
