using System.Text.RegularExpressions;

namespace PackDaemon.Cli.Lsp;

/// <summary>
/// Finds the requirement text under the cursor: a whole requirements-file line (comment, <c>--hash</c> options and a
/// continuation backslash removed; option lines such as <c>-r</c> or <c>--index-url</c> are not requirements), or a
/// quoted string inside a pyproject.toml dependency array (<c>[project] dependencies</c>, <c>[build-system] requires</c>,
/// <c>[project.optional-dependencies]</c>, <c>[dependency-groups]</c>).
/// </summary>
internal static partial class RequirementLocator
{
    /// <returns>The requirement text and its start/end characters on <paramref name="line"/>, or null.</returns>
    public static (string Text, int Start, int End)? Find(PackagingFileKind kind, IReadOnlyList<string> lines, int line, int character)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (line < 0 || line >= lines.Count)
        {
            return null;
        }

        return kind switch
        {
            PackagingFileKind.Requirements => InRequirementsLine(lines[line]),
            PackagingFileKind.Pyproject => InPyprojectString(lines, line, character),
            _ => null,
        };
    }

    private static (string, int, int)? InRequirementsLine(string text)
    {
        var end = text.Length;
        for (var i = 0; i < text.Length; i++)
        {
            // pip's rules: '#' starts a comment at the line start or after a blank; per-requirement options follow a blank.
            if (i == 0 || char.IsWhiteSpace(text[i - 1]))
            {
                if (text[i] == '#' || (text[i] == '-' && i > 0 && i + 1 < text.Length && text[i + 1] == '-'))
                {
                    end = i;
                    break;
                }
            }
        }

        var body = text[..end].TrimEnd().TrimEnd('\\').TrimEnd();
        var start = body.Length - body.TrimStart().Length;
        body = body.Trim();
        if (body.Length == 0 || body.StartsWith('-'))
        {
            return null;
        }

        return (body, start, start + body.Length);
    }

    private static (string, int, int)? InPyprojectString(IReadOnlyList<string> lines, int line, int character)
    {
        if (FindString(lines[line], character) is not { } literal || !InDependencyArray(lines, line))
        {
            return null;
        }

        return literal;
    }

    /// <summary>The TOML basic or literal string on the line that contains the cursor (quotes excluded).</summary>
    private static (string, int, int)? FindString(string text, int character)
    {
        var i = 0;
        while (i < text.Length)
        {
            var quote = text[i];
            if (quote == '#')
            {
                return null;
            }

            if (quote is not ('"' or '\''))
            {
                i++;
                continue;
            }

            var close = i + 1;
            while (close < text.Length && text[close] != quote)
            {
                close += quote == '"' && text[close] == '\\' ? 2 : 1;
            }

            if (close >= text.Length)
            {
                return null;
            }

            if (character >= i && character <= close)
            {
                return (text[(i + 1)..close], i + 1, close);
            }

            i = close + 1;
        }

        return null;
    }

    /// <summary>Walks up to the key or table that owns the line: a dependency key whose array is still open, or a
    /// table whose every value is a dependency list.</summary>
    private static bool InDependencyArray(IReadOnlyList<string> lines, int line)
    {
        for (var i = line; i >= 0; i--)
        {
            var text = lines[i].Trim();
            if (TableHeader().Match(text) is { Success: true } table)
            {
                var name = table.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
                return name is "project.optional-dependencies" or "dependency-groups";
            }

            if (KeyAssignment().Match(text) is { Success: true } key)
            {
                var name = key.Groups[1].Value;
                var owner = NearestTable(lines, i);
                return (name == "dependencies" && owner == "project")
                    || (name == "requires" && owner == "build-system")
                    || owner is "project.optional-dependencies" or "dependency-groups";
            }
        }

        return false;
    }

    private static string? NearestTable(IReadOnlyList<string> lines, int line)
    {
        for (var i = line; i >= 0; i--)
        {
            if (TableHeader().Match(lines[i].Trim()) is { Success: true } table)
            {
                return table.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^\[\[?\s*([A-Za-z0-9_.\- ""]+?)\s*\]\]?\s*(#.*)?$")]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"^([A-Za-z0-9_\-]+|""[^""]*"")\s*=")]
    private static partial Regex KeyAssignment();
}
