using System.Text;

namespace PackDaemon.Packaging.Standards;

internal sealed partial class RequirementParser
{
    private enum MarkerVariableKind
    {
        Version,
        String,
        Extra,
    }

    /// <summary>Parses <c>marker</c> up to the end of the text or an unmatched ')', returning its canonical text.</summary>
    private string? ParseMarker()
    {
        SkipWhitespace();
        if (_pos >= _text.Length)
        {
            return FailText(_pos, "expected an environment marker after ';'");
        }

        var sb = new StringBuilder();
        if (!ParseMarkerGroup(sb))
        {
            return null;
        }

        SkipWhitespace();
        if (_pos < _text.Length)
        {
            return FailText(_pos, _text[_pos] == ')'
                ? "unmatched ')' in the marker"
                : $"unexpected '{_text[_pos]}' in the marker; expected 'and', 'or' or the end");
        }

        return sb.ToString();
    }

    /// <summary>
    /// marker_or / marker_and: atoms joined by 'and'/'or'. Parentheses as written are kept (they change meaning),
    /// except redundant ones around a whole group, matching packaging's serialization.
    /// </summary>
    private bool ParseMarkerGroup(StringBuilder sb)
    {
        int groupStart = sb.Length;
        int atoms = 0;
        bool lastAtomWasGroup = false;
        while (true)
        {
            SkipWhitespace();
            if (Peek() == '(')
            {
                _pos++;
                var inner = new StringBuilder();
                if (!ParseMarkerGroup(inner))
                {
                    return false;
                }

                SkipWhitespace();
                if (Peek() != ')')
                {
                    FailText(_pos, "expected ')' to close the '(' in the marker");
                    return false;
                }

                _pos++;
                sb.Append('(').Append(inner).Append(')');
                lastAtomWasGroup = true;
            }
            else
            {
                if (!ParseMarkerComparison(sb))
                {
                    return false;
                }

                lastAtomWasGroup = false;
            }

            atoms++;
            int beforeKeyword = _pos;
            SkipWhitespace();
            string? keyword = ReadKeyword("and") ?? ReadKeyword("or");
            if (keyword is null)
            {
                _pos = beforeKeyword;
                break;
            }

            sb.Append(' ').Append(keyword).Append(' ');
        }

        if (atoms == 1 && lastAtomWasGroup)
        {
            // "((a or b))" and a marker wholly in parentheses carry no extra meaning: drop the outer pair.
            sb.Remove(groupStart, 1).Remove(sb.Length - 1, 1);
        }

        return true;
    }

    private string? ReadKeyword(string keyword)
    {
        ReadOnlySpan<char> rest = _text.AsSpan(_pos);
        if (rest.StartsWith(keyword, StringComparison.Ordinal)
            && (rest.Length == keyword.Length || !IsIdentifierCharacter(rest[keyword.Length])))
        {
            _pos += keyword.Length;
            return keyword;
        }

        return null;
    }

    private bool ParseMarkerComparison(StringBuilder sb)
    {
        SkipWhitespace();
        int leftStart = _pos;
        if (!ReadMarkerValue(out string left, out bool leftIsVariable))
        {
            return false;
        }

        SkipWhitespace();
        int opStart = _pos;
        string? op = ReadMarkerOperator();
        if (op is null)
        {
            FailText(opStart, _pos < _text.Length
                ? $"expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in), found '{_text[_pos]}'"
                : "expected a marker operator (==, !=, <, <=, >, >=, ~=, ===, in, not in), found the end");
            return false;
        }

        SkipWhitespace();
        int rightStart = _pos;
        if (!ReadMarkerValue(out string right, out bool rightIsVariable))
        {
            return false;
        }

        if (leftIsVariable == rightIsVariable)
        {
            FailText(leftStart, leftIsVariable
                ? $"'{left} {op} {right}' compares two marker variables; compare a variable with a quoted string"
                : $"'\"{left}\" {op} \"{right}\"' compares two strings; one side must be a marker variable such as python_version");
            return false;
        }

        string variable = leftIsVariable ? left : right;
        string literal = leftIsVariable ? right : left;
        int literalStart = leftIsVariable ? rightStart : leftStart;
        MarkerVariableKind kind = KindOf(variable);
        switch (kind)
        {
            case MarkerVariableKind.Extra:
                if (op is not ("==" or "!="))
                {
                    FailText(opStart, $"'extra' can only be compared with '==' or '!=', not '{op}'");
                    return false;
                }

                if (!ExtraName.IsValid(literal))
                {
                    FailText(literalStart, $"'{literal}' is not a valid extra name");
                    return false;
                }

                // PEP 685: extra names compare normalized, and packaging writes them normalized.
                literal = ExtraName.Normalize(literal);
                break;
            case MarkerVariableKind.String:
                if (op is not ("==" or "!=" or "in" or "not in"))
                {
                    FailText(opStart, $"'{variable}' is a string, so '{op}' (a version comparison) is not allowed; use '==', '!=', 'in' or 'not in'");
                    return false;
                }

                break;
            default:
                if (op is "in" or "not in")
                {
                    FailText(opStart, $"'{variable}' is a version, so '{op}' is not allowed; use a version comparison such as '>='");
                    return false;
                }

                string? problem = leftIsVariable
                    ? VersionSpecifierRules.Check(op, literal)
                    : (Pep440Version.TryParse(literal, out _) ? null : $"'{literal}' is not a valid PEP 440 version");
                if (problem is not null)
                {
                    FailText(literalStart, problem);
                    return false;
                }

                break;
        }

        AppendMarkerValue(sb, left, leftIsVariable, leftIsVariable ? left : literal);
        sb.Append(' ').Append(op).Append(' ');
        AppendMarkerValue(sb, right, rightIsVariable, rightIsVariable ? right : literal);
        return true;
    }

    private static void AppendMarkerValue(StringBuilder sb, string value, bool isVariable, string normalizedLiteral)
    {
        if (isVariable)
        {
            sb.Append(value);
            return;
        }

        // Double quotes like packaging; a value that itself holds '"' (possible when written with ') keeps single quotes.
        char quote = normalizedLiteral.Contains('"', StringComparison.Ordinal) ? '\'' : '"';
        sb.Append(quote).Append(normalizedLiteral).Append(quote);
    }

    private bool ReadMarkerValue(out string value, out bool isVariable)
    {
        value = string.Empty;
        isVariable = false;
        char c = Peek();
        if (c is '"' or '\'')
        {
            int start = _pos;
            int end = _text.IndexOf(c, _pos + 1);
            if (end < 0)
            {
                FailText(start, $"unterminated string: no closing {c}");
                return false;
            }

            value = _text[(_pos + 1)..end];
            _pos = end + 1;
            return true;
        }

        int nameStart = _pos;
        while (_pos < _text.Length && IsIdentifierCharacter(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == nameStart)
        {
            FailText(nameStart, _pos < _text.Length
                ? $"expected a marker variable or a quoted string, found '{_text[_pos]}'"
                : "expected a marker variable or a quoted string, found the end");
            return false;
        }

        value = _text[nameStart.._pos];
        string? problem = CheckVariable(value);
        if (problem is not null)
        {
            FailText(nameStart, problem);
            return false;
        }

        isVariable = true;
        return true;
    }

    private string? ReadMarkerOperator()
    {
        string? op = ReadOperator();
        if (op is not null)
        {
            return op;
        }

        if (ReadKeyword("in") is not null)
        {
            return "in";
        }

        int start = _pos;
        if (ReadKeyword("not") is not null)
        {
            SkipWhitespace();
            if (ReadKeyword("in") is not null)
            {
                return "not in";
            }

            _pos = start;
        }

        return null;
    }

    private static string? CheckVariable(string name) => name switch
    {
        "python_version" or "python_full_version" or "implementation_version" or "os_name" or "sys_platform"
            or "platform_release" or "platform_system" or "platform_version" or "platform_machine"
            or "platform_python_implementation" or "implementation_name" or "extra" => null,
        "extras" or "dependency_groups" =>
            $"the '{name}' marker is only for lock files and must not appear in published metadata; use 'extra'",
        "os.name" or "sys.platform" or "platform.version" or "platform.machine" or "platform.python_implementation" =>
            $"'{name}' is a legacy marker name; use '{name.Replace('.', '_')}'",
        "python_implementation" => "'python_implementation' is a legacy marker name; use 'platform_python_implementation'",
        _ => $"unknown marker variable '{name}'",
    };

    private static MarkerVariableKind KindOf(string variable) => variable switch
    {
        "python_version" or "python_full_version" or "implementation_version" => MarkerVariableKind.Version,
        "extra" => MarkerVariableKind.Extra,
        _ => MarkerVariableKind.String,
    };

    private static bool IsIdentifierCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.';
}
