namespace PackDaemon.Packaging.Requirements;

/// <summary>
/// One logical line of a requirements file: physical lines joined at trailing <c>\</c>, the comment removed, trimmed.
/// <paramref name="Line"/> is the 1-based physical line where it starts; <paramref name="Column"/> the 1-based column of
/// its first character there. <paramref name="FirstLineLength"/> is how many characters of <paramref name="Text"/> come
/// from that first physical line, so an offset past it cannot be given a column on that line.
/// </summary>
internal sealed record RequirementsLogicalLine(string Text, int Line, int Column, int FirstLineLength, string? PrecedingComment)
{
    /// <summary>Splits file content the way pip does: a line ending in <c>\</c> continues unless it holds a comment.</summary>
    public static List<RequirementsLogicalLine> Split(string content)
    {
        List<RequirementsLogicalLine> result = [];
        string[] physical = content.Split('\n');
        var joined = new System.Text.StringBuilder();
        int startLine = 0;
        int firstLength = 0;
        string? lastComment = null;
        for (int i = 0; i < physical.Length; i++)
        {
            string line = physical[i].EndsWith('\r') ? physical[i][..^1] : physical[i];
            int comment = FindComment(line);
            bool continues = comment < 0 && line.EndsWith('\\');
            if (joined.Length == 0 && startLine == 0)
            {
                startLine = i + 1;
            }

            string piece = continues ? line.TrimEnd('\\') : line;
            if (startLine == i + 1)
            {
                firstLength = piece.Length;
            }

            joined.Append(piece);
            if (continues && i < physical.Length - 1)
            {
                continue;
            }

            string text = joined.ToString();
            int cut = FindComment(text);
            string wholeComment = cut >= 0 ? text[cut..].TrimStart() : string.Empty;
            string body = cut >= 0 ? text[..cut] : text;
            int leading = body.Length - body.TrimStart().Length;
            string trimmed = body.Trim();
            if (trimmed.Length > 0)
            {
                result.Add(new RequirementsLogicalLine(trimmed, startLine, leading + 1, Math.Max(0, firstLength - leading), lastComment));
                lastComment = null;
            }
            else if (wholeComment.Length > 0)
            {
                lastComment = wholeComment;
            }

            joined.Clear();
            startLine = 0;
        }

        return result;
    }

    /// <summary>pip's comment rule: '#' at the start of the line or after whitespace; '#' inside a URL fragment stays.</summary>
    private static int FindComment(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                // Include the whitespace before '#' so trimming the body is exact.
                int start = i;
                while (start > 0 && char.IsWhiteSpace(line[start - 1]))
                {
                    start--;
                }

                return start;
            }
        }

        return -1;
    }
}
