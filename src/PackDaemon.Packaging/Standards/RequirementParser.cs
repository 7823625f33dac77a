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
        if (!CheckNoLineBreaks())
        {
            return null;
        }

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

    /// <summary>Reads a marker alone (the part after <c>;</c>).</summary>
    public string? ParseMarkerOnly() => CheckNoLineBreaks() ? ParseMarker() : null;

    /// <summary>
    /// Control characters and line breaks are never valid, and letting one through into a quoted marker value, a URL or
    /// an arbitrary '===' version would inject a header line into METADATA.
    /// </summary>
    private bool CheckNoLineBreaks()
    {
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if ((char.IsControl(c) && c != '\t') || c is '\u2028' or '\u2029')
            {
                FailText(i, $"control character or line break (U+{(int)c:X4}) is not allowed in a requirement");
                return false;
            }
        }

        return true;
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
