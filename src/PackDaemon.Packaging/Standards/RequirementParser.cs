using System.Text;

namespace PackDaemon.Packaging.Standards;

/// <summary>
/// A hand-written recursive-descent reader of the PEP 508 grammar. It records the first error and its position
/// instead of throwing, because callers report columns to the user. Not thread-safe; one instance per input.
/// </summary>
internal sealed partial class RequirementParser
{
    private readonly string _text;
    private int _pos;

    public RequirementParser(string text)
    {
        _text = text;
    }

    public string? Error { get; private set; }

    /// <summary>0-based position of <see cref="Error"/>.</summary>
    public int ErrorPosition { get; private set; }

    public Requirement? Parse()
    {
        SkipWhitespace();
        int nameStart = _pos;
        while (_pos < _text.Length && ProjectName.IsNameCharacter(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == nameStart)
        {
            return Fail(nameStart, _pos < _text.Length
                ? $"expected a package name, found '{_text[_pos]}'"
                : "expected a package name, found the end of the text");
        }

        string name = _text[nameStart.._pos];
        if (!ProjectName.IsValidSpan(name))
        {
            return Fail(nameStart, $"'{name}' is not a valid package name: it must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'");
        }

        SkipWhitespace();
        List<string> extras = [];
        if (Peek() == '[' && !ParseExtras(extras))
        {
            return null;
        }

        SkipWhitespace();
        if (Peek() == '@')
        {
            return ParseUrlTail(name, extras);
        }

        string specifier = string.Empty;
        if (Peek() is '(' or '<' or '>' or '=' or '!' or '~')
        {
            string? parsed = ParseSpecifierSet();
            if (parsed is null)
            {
                return null;
            }

            specifier = parsed;
        }

        SkipWhitespace();
        string? marker = null;
        if (Peek() == ';')
        {
            _pos++;
            marker = ParseMarker();
            if (marker is null)
            {
                return null;
            }
        }

        SkipWhitespace();
        if (_pos < _text.Length)
        {
            return Fail(_pos, _text[_pos] is ';' or ',' or ')'
                ? $"unexpected '{_text[_pos]}'"
                : $"unexpected '{_text[_pos]}'; expected a version specifier (such as '>=1.0'), ';' and a marker, or the end");
        }

        return new Requirement(name, extras, specifier, null, marker);
    }

    private bool ParseExtras(List<string> extras)
    {
        _pos++; // '['
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return true;
        }

        while (true)
        {
            SkipWhitespace();
            int start = _pos;
            while (_pos < _text.Length && ProjectName.IsNameCharacter(_text[_pos]))
            {
                _pos++;
            }

            string extra = _text[start.._pos];
            if (extra.Length == 0 || !ExtraName.IsValid(extra))
            {
                Fail(start, extra.Length == 0 ? "expected an extra name" : $"'{extra}' is not a valid extra name");
                return false;
            }

            string normalized = ExtraName.Normalize(extra);
            if (!extras.Contains(normalized))
            {
                extras.Add(normalized);
            }

            SkipWhitespace();
            char c = Peek();
            _pos++;
            if (c == ']')
            {
                extras.Sort(StringComparer.Ordinal);
                return true;
            }

            if (c != ',')
            {
                Fail(_pos - 1, "expected ',' or ']' after an extra name");
                return false;
            }
        }
    }

    private Requirement? ParseUrlTail(string name, List<string> extras)
    {
        _pos++; // '@'
        SkipWhitespace();
        int start = _pos;
        while (_pos < _text.Length && !IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        string url = _text[start.._pos];
        if (url.Length == 0)
        {
            return Fail(start, "expected a URL after '@'");
        }

        int semicolon = url.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            return Fail(start + semicolon, "a ';' directly after a URL is read as part of the URL; put a space before ';'");
        }

        int colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon)) || !(url.AsSpan(colon + 1).StartsWith("//") || url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)))
        {
            return Fail(start, $"'{url}' is not an absolute URL (expected scheme://...)");
        }

        int beforeWhitespace = _pos;
        SkipWhitespace();
        string? marker = null;
        if (Peek() == ';')
        {
            if (beforeWhitespace == _pos)
            {
                return Fail(_pos, "a ';' after a URL must be preceded by whitespace");
            }

            _pos++;
            marker = ParseMarker();
            if (marker is null)
            {
                return null;
            }

            SkipWhitespace();
        }

        if (_pos < _text.Length)
        {
            return Fail(_pos, $"unexpected '{_text[_pos]}' after the URL; expected ';' and a marker or the end");
        }

        return new Requirement(name, extras, string.Empty, url, marker);
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

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (char c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }
    }

    private Requirement? Fail(int position, string message)
    {
        FailText(position, message);
        return null;
    }

    private string? FailText(int position, string message)
    {
        if (Error is null)
        {
            Error = message;
            ErrorPosition = Math.Min(position, _text.Length);
        }

        return null;
    }
}
