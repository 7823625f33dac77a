namespace PackDaemon.Packaging.Projects;

/// <summary>Finds <c>NAME = "literal"</c> (also <c>NAME: str = '...'</c>) at the top level of Python source text,
/// without running Python.</summary>
internal static class SourceVersionReader
{
    internal enum Outcome
    {
        NotFound,
        Literal,
        Computed,
    }

    /// <returns>The outcome, the literal's text when found, and the 1-based line and column of the assignment's value.</returns>
    public static (Outcome Outcome, string? Value, int Line, int Column) Find(string source, string attribute)
    {
        var lineNumber = 0;
        foreach (var rawLine in source.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.AsSpan().TrimEnd('\r');

            // Only column 0 is module level; indented assignments live inside a function, class or branch.
            if (!line.StartsWith(attribute, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[attribute.Length..];
            var i = SkipSpaces(rest, 0);
            if (i < rest.Length && rest[i] == ':')
            {
                var equals = rest[i..].IndexOf('=');
                if (equals < 0)
                {
                    continue; // a bare annotation, no value
                }

                i += equals;
            }

            if (i >= rest.Length || rest[i] != '=' || (i + 1 < rest.Length && rest[i + 1] == '='))
            {
                continue; // another name with this prefix, or a comparison
            }

            i = SkipSpaces(rest, i + 1);
            var column = attribute.Length + i + 1;
            var literal = ReadStringLiteral(rest, ref i);
            if (literal is not null)
            {
                i = SkipSpaces(rest, i);
                if (i == rest.Length || rest[i] == '#')
                {
                    return (Outcome.Literal, literal, lineNumber, column);
                }
            }

            return (Outcome.Computed, null, lineNumber, column);
        }

        return (Outcome.NotFound, null, 0, 0);
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static string? ReadStringLiteral(ReadOnlySpan<char> text, ref int i)
    {
        if (i >= text.Length || text[i] is not ('"' or '\''))
        {
            return null;
        }

        var quote = text[i];
        var start = i + 1;
        var end = text[start..].IndexOf(quote);
        if (end < 0)
        {
            return null;
        }

        var value = text.Slice(start, end);
        if (value.Contains('\\'))
        {
            return null; // escapes would need Python's rules; no version needs them
        }

        i = start + end + 1;
        return value.ToString();
    }
}
