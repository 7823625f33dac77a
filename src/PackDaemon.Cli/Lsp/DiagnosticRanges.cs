using PackDaemon.Cli.Lsp.Messages;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// Converts the daemon's 1-based line and column (0 when unknown) into an LSP range (0-based, end exclusive).
/// Columns count UTF-16 code units on both sides (packd indexes .NET strings), so no re-encoding is needed.
/// The daemon gives a point; the range runs from it to the end of that line's content (trailing blanks excluded), so
/// an editor underlines the offending token and what follows on the line rather than one character.
/// </summary>
internal static class DiagnosticRanges
{
    /// <param name="lines">The document's lines (without line ends), or null when its text is unknown.</param>
    public static LspRange Map(int line, int column, IReadOnlyList<string>? lines)
    {
        if (line <= 0)
        {
            // About the file as a whole: the first line, so it shows somewhere visible.
            return WholeLine(0, lines);
        }

        var index = line - 1;
        if (lines is null || index >= lines.Count)
        {
            var start = Math.Max(0, column - 1);
            return new LspRange(new LspPosition(index, start), new LspPosition(index, start + 1));
        }

        if (column <= 0)
        {
            return WholeLine(index, lines);
        }

        var text = lines[index];
        var startCharacter = Math.Min(column - 1, text.Length);
        var end = Math.Max(text.TrimEnd().Length, startCharacter);
        if (end == startCharacter)
        {
            // A point past the content (a missing value at the line's end): still a visible one-character range.
            end = startCharacter + 1;
        }

        return new LspRange(new LspPosition(index, startCharacter), new LspPosition(index, end));
    }

    /// <summary>Splits text at \n, \r\n and \r, as LSP counts lines.</summary>
    public static string[] SplitLines(string text) => text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);

    private static LspRange WholeLine(int index, IReadOnlyList<string>? lines)
    {
        if (lines is null || index >= lines.Count)
        {
            return new LspRange(new LspPosition(index, 0), new LspPosition(index, 1));
        }

        var text = lines[index];
        var start = text.Length - text.TrimStart().Length;
        var end = Math.Max(text.TrimEnd().Length, start + 1);
        return new LspRange(new LspPosition(index, Math.Min(start, text.Length)), new LspPosition(index, end));
    }

    public static int Severity(string severity) => severity switch
    {
        "error" => 1,
        "warning" => 2,
        "info" => 3,
        _ => 3,
    };
}
