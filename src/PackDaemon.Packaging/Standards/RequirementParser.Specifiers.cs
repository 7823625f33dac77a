using System.Text;

namespace PackDaemon.Packaging.Standards;

internal sealed partial class RequirementParser
{
    /// <summary>Reads a bare specifier set (as in <c>Requires-Python</c>): no parentheses, no name.</summary>
    public string? ParseSpecifiersOnly()
    {
        if (!CheckNoLineBreaks())
        {
            return null;
        }

        SkipWhitespace();
        if (_pos == _text.Length)
        {
            return string.Empty;
        }

        if (Peek() == '(')
        {
            return FailText(_pos, "parentheses are not allowed here; write the specifiers alone, such as '>=3.9'");
        }

        string? specifiers = ParseSpecifierSet();
        SkipWhitespace();
        if (specifiers is not null && _pos < _text.Length)
        {
            return FailText(_pos, $"unexpected '{_text[_pos]}'; expected ',' and another specifier, or the end");
        }

        return specifiers;
    }

    private string? ParseSpecifierSet()
    {
        bool parenthesized = Peek() == '(';
        if (parenthesized)
        {
            _pos++;
            SkipWhitespace();
        }

        List<string> specifiers = [];
        while (true)
        {
            SkipWhitespace();
            int start = _pos;
            string? op = ReadOperator();
            if (op is null)
            {
                return FailText(start, _pos < _text.Length && _text[_pos] == '='
                    ? "'=' is not a version operator; use '=='"
                    : "expected a version operator (~=, ==, !=, <=, >=, <, >, ===)");
            }

            SkipWhitespace();
            int versionStart = _pos;
            while (_pos < _text.Length && IsVersionCharacter(_text[_pos], op == "==="))
            {
                _pos++;
            }

            string version = _text[versionStart.._pos];
            string? problem = VersionSpecifierRules.Check(op, version);
            if (problem is not null)
            {
                return FailText(versionStart, problem);
            }

            string text = op + version;
            if (!specifiers.Contains(text))
            {
                specifiers.Add(text);
            }

            SkipWhitespace();
            if (Peek() == ',')
            {
                _pos++;
                continue;
            }

            break;
        }

        if (parenthesized)
        {
            if (Peek() != ')')
            {
                return FailText(_pos, "expected ')' to close the version specifier");
            }

            _pos++;
        }

        // packaging prints a SpecifierSet sorted by each specifier's text; do the same so output is order-independent.
        specifiers.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (string s in specifiers)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(s);
        }

        return sb.ToString();
    }

    private string? ReadOperator()
    {
        ReadOnlySpan<char> rest = _text.AsSpan(_pos);
        string? op = rest.StartsWith("===") ? "===" : null;
        if (op is null && rest.Length >= 2)
        {
            op = rest[..2] switch
            {
                "==" => "==",
                "!=" => "!=",
                "<=" => "<=",
                ">=" => ">=",
                "~=" => "~=",
                _ => null,
            };
        }

        if (op is null && rest.Length >= 1 && rest[0] is '<' or '>')
        {
            op = rest[0] == '<' ? "<" : ">";
        }

        if (op is not null)
        {
            _pos += op.Length;
        }

        return op;
    }

    private static bool IsVersionCharacter(char c, bool arbitrary)
    {
        if (arbitrary)
        {
            // '===' compares strings: anything up to whitespace, ',', ';' or ')'.
            return !IsWhitespace(c) && c is not (',' or ';' or ')');
        }

        return char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '+' or '!';
    }
}
