using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The by-name rules: env files (<c>.env</c>, <c>.env.*</c>, <c>.envrc</c>), <c>.pypirc</c> and <c>.netrc</c>. They are
/// rare, so they work on a decoded string and may allocate.
/// </summary>
internal static class SecretCredentialFileScanner
{
    /// <summary>Adds a finding per secret value, and one <see cref="SecretRules.EnvFile"/> warning when there is none.</summary>
    public static void Scan(string path, SecretFileKind kind, ReadOnlySpan<byte> content, ref List<SecretFinding>? findings)
    {
        string text = Encoding.UTF8.GetString(content);
        if (kind == SecretFileKind.Netrc)
        {
            ScanNetrc(path, text, ref findings);
        }
        else
        {
            ScanAssignments(path, text, kind, ref findings);
        }

        if (!HasSecret(findings))
        {
            // A finding about the whole file points at its start, so editors can open it from the diagnostic.
            (findings ??= []).Add(new SecretFinding(
                path, 1, SecretRules.EnvFile, $"{Describe(kind)} without secret-looking values", IsSecret: false) { Column = 1 });
        }
    }

    /// <summary>A binary env file cannot be read for values, so it cannot be shown to be harmless.</summary>
    public static SecretFinding Binary(string path, SecretFileKind kind)
        => new(path, 1, SecretRules.EnvFile, $"{Describe(kind)} with binary content that cannot be checked for secrets", IsSecret: true) { Column = 1 };

    private static string Describe(SecretFileKind kind) => kind switch
    {
        SecretFileKind.Netrc => "a .netrc credentials file",
        SecretFileKind.PyPirc => "a .pypirc credentials file",
        _ => "an env file",
    };

    private static bool HasSecret(List<SecretFinding>? findings)
    {
        if (findings is null)
        {
            return false;
        }

        foreach (SecretFinding finding in findings)
        {
            if (finding.IsSecret)
            {
                return true;
            }
        }

        return false;
    }

    private static bool LineAlreadyReported(List<SecretFinding>? findings, int line)
    {
        if (findings is null)
        {
            return false;
        }

        foreach (SecretFinding finding in findings)
        {
            if (finding.Line == line && finding.IsSecret)
            {
                return true;
            }
        }

        return false;
    }

    private static void ScanAssignments(string path, string text, SecretFileKind kind, ref List<SecretFinding>? findings)
    {
        int lineNumber = 0;
        foreach (ReadOnlySpan<char> rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            ReadOnlySpan<char> line = rawLine.TrimStart();
            int indent = rawLine.Length - line.Length;
            if (line.IsEmpty || line[0] == '#' || (kind == SecretFileKind.PyPirc && line[0] is ';' or '['))
            {
                continue;
            }

            if (kind == SecretFileKind.Env && (line.StartsWith("export ", StringComparison.Ordinal) || line.StartsWith("export\t", StringComparison.Ordinal)))
            {
                ReadOnlySpan<char> rest = line[7..].TrimStart();
                indent += line.Length - rest.Length;
                line = rest;
            }

            // configparser accepts "name = value" and "name: value"; dotenv and shell only "NAME=value".
            int separator = kind == SecretFileKind.PyPirc ? line.IndexOfAny('=', ':') : line.IndexOf('=');
            if (separator <= 0)
            {
                continue;
            }

            ReadOnlySpan<char> name = line[..separator].TrimEnd();
            if (!IsName(name))
            {
                continue;
            }

            ReadOnlySpan<char> raw = line[(separator + 1)..];
            int valueColumn = indent + separator + 1 + (raw.Length - raw.TrimStart().Length) + 1;
            ReadOnlySpan<char> value = kind == SecretFileKind.PyPirc ? raw.Trim() : EnvValue(raw, ref valueColumn);
            if (!LineAlreadyReported(findings, lineNumber))
            {
                Evaluate(path, lineNumber, indent + 1, valueColumn, name, value, ref findings);
            }
        }
    }

    /// <summary>The value of a dotenv/shell assignment: quoted up to the closing quote, else up to a " #" comment.</summary>
    private static ReadOnlySpan<char> EnvValue(ReadOnlySpan<char> untrimmed, ref int column)
    {
        ReadOnlySpan<char> raw = untrimmed.TrimStart();

        // "KEY= # note" is an empty value with a comment; "KEY=#abc" is the value "#abc".
        if (raw.Length > 0 && raw[0] == '#' && raw.Length < untrimmed.Length)
        {
            return [];
        }

        if (raw.Length > 0 && raw[0] is '"' or '\'')
        {
            column++;
            int close = raw[1..].IndexOf(raw[0]);

            // An unclosed double quote opens a multi-line value (a PEM key): its first line is enough to judge.
            return close < 0 ? raw[1..].TrimEnd() : raw.Slice(1, close);
        }

        int comment = raw.IndexOf(" #", StringComparison.Ordinal);
        int tabComment = raw.IndexOf("\t#", StringComparison.Ordinal);
        if (tabComment >= 0 && (comment < 0 || tabComment < comment))
        {
            comment = tabComment;
        }

        return (comment < 0 ? raw : raw[..comment]).Trim();
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Evaluate(string path, int line, int nameColumn, int valueColumn, ReadOnlySpan<char> name, ReadOnlySpan<char> value, ref List<SecretFinding>? findings)
    {
        ReadOnlySpan<char> password = SecretValueClassifier.UrlPassword(value, out int passwordIndex);
        if (!password.IsEmpty)
        {
            if (!SecretValueClassifier.IsPlaceholder(password))
            {
                (findings ??= []).Add(new SecretFinding(path, line, SecretRules.UrlPassword,
                    $"a URL with a password in '{name}' ({SecretRedaction.Redact(password.ToString())})", IsSecret: true)
                {
                    Column = valueColumn + passwordIndex,
                });
            }

            return;
        }

        if (SecretValueClassifier.IsSecretName(name) && !SecretValueClassifier.IsPlaceholder(value))
        {
            (findings ??= []).Add(new SecretFinding(path, line, SecretRules.EnvSecretValue,
                $"a value for '{name}' ({SecretRedaction.Redact(value.ToString())})", IsSecret: true)
            {
                // The name is what the message talks about and what the user deletes; point at it.
                Column = nameColumn,
            });
        }
    }

    /// <summary>netrc is a stream of tokens, not lines: <c>machine h login u password p</c> may sit on one line or many.</summary>
    private static void ScanNetrc(string path, string text, ref List<SecretFinding>? findings)
    {
        var tokens = new NetrcTokenizer(text);
        string machine = "default";
        while (tokens.Next(out ReadOnlySpan<char> token, out _, out _))
        {
            if (token.SequenceEqual("machine"))
            {
                machine = tokens.Next(out ReadOnlySpan<char> host, out _, out _) ? host.ToString() : machine;
            }
            else if (token.SequenceEqual("default"))
            {
                machine = "default";
            }
            else if (token.SequenceEqual("macdef"))
            {
                tokens.SkipMacro();
            }
            else if (token.SequenceEqual("password") && tokens.Next(out ReadOnlySpan<char> password, out int line, out int column)
                && !SecretValueClassifier.IsPlaceholder(password) && !LineAlreadyReported(findings, line))
            {
                (findings ??= []).Add(new SecretFinding(path, line, SecretRules.EnvSecretValue,
                    $"a password for machine '{machine}' ({SecretRedaction.Redact(password.ToString())})", IsSecret: true)
                {
                    Column = column,
                });
            }
        }
    }

    private ref struct NetrcTokenizer(string text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _position;
        private int _line = 1;
        private int _lineStart;

        public bool Next(out ReadOnlySpan<char> token, out int line, out int column)
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                Advance();
            }

            int start = _position;
            line = _line;
            column = start - _lineStart + 1;
            while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }

            token = _text[start.._position];
            return !token.IsEmpty;
        }

        /// <summary>A macro body runs to the first empty line; its words are commands, not tokens.</summary>
        public void SkipMacro()
        {
            int end = _text[_position..].IndexOf("\n\n", StringComparison.Ordinal);
            int endCrLf = _text[_position..].IndexOf("\n\r\n", StringComparison.Ordinal);
            if (endCrLf >= 0 && (end < 0 || endCrLf < end))
            {
                end = endCrLf;
            }

            int target = end < 0 ? _text.Length : _position + end;
            while (_position < target)
            {
                Advance();
            }
        }

        private void Advance()
        {
            if (_text[_position] == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }

            _position++;
        }
    }
}
