using System.Buffers;

namespace PackDaemon.Packaging.Metadata;

/// <summary>Line-break checks for header values.</summary>
public static class HeaderText
{
    // Every boundary Python's str.splitlines() honours: a reader that splits on any of them would see a new header
    // (pypa/packaging#1356 was a header injection through an unfolded \r).
    private static readonly SearchValues<char> s_lineBreaks =
        SearchValues.Create("\n\r\v\f\u001c\u001d\u001e\u0085\u2028\u2029");

    /// <returns>The index of the first line-break character, or -1.</returns>
    public static int IndexOfLineBreak(ReadOnlySpan<char> value) => value.IndexOfAny(s_lineBreaks);

    public static bool ContainsLineBreak(ReadOnlySpan<char> value) => value.IndexOfAny(s_lineBreaks) >= 0;

    /// <summary>Splits on every <c>str.splitlines()</c> boundary, treating <c>\r\n</c> as one.</summary>
    public static List<string> SplitLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var rest = text.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(s_lineBreaks);
            if (i < 0)
            {
                lines.Add(rest.ToString());
                return lines;
            }

            lines.Add(rest[..i].ToString());
            var skip = rest[i] == '\r' && i + 1 < rest.Length && rest[i + 1] == '\n' ? 2 : 1;
            rest = rest[(i + skip)..];
        }
    }
}
