using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Secrets written as values in code and configuration rather than as self-announcing tokens: Django's
/// <c>SECRET_KEY = "..."</c> (also as the default of <c>os.environ.get</c>), a <c>'PASSWORD': '...'</c> in
/// <c>DATABASES</c>, a database URL with its password in a string literal, <c>password:</c> or <c>token:</c> in YAML
/// (kubeconfig users, docker-compose, CI files). Python files and YAML files only, line by line.
/// </summary>
/// <remarks>
/// The false-refusal budget is zero on real code, so a value counts only when it looks like a credential: a string
/// literal of 8 or more characters with no blanks, not a placeholder (<see cref="SecretValueClassifier.IsPlaceholder"/>),
/// random-looking (<see cref="SecretText.LooksRandom"/>: <c>"password"</c> itself is not), given to a name that
/// <em>ends</em> in a secret word (<c>PASSWORD_RESET_TIMEOUT</c> or <c>TOKEN_TYPE</c> do not). Keyword arguments in
/// calls (<c>create_user(password="...")</c>, the tests' idiom) are not assignments and pass.
/// </remarks>
internal static class SecretAssignmentScanner
{
    private const int MinValueLength = 8;
    private const int PrefilterChunk = 16 * 1024;

    // Every secret word the names end in, and the URL separator: a file with none of them is skipped undecoded.
    private static readonly System.Buffers.SearchValues<string> s_needles = System.Buffers.SearchValues.Create(
        ["secret", "passw", "_pass", "token", "api_key", "apikey", "access_key", "private_key", "auth_key", "://"], StringComparison.OrdinalIgnoreCase);

    // Keys that are public or test-mode by design (Stripe's publishable and test keys).
    private static readonly string[] s_publicPrefixes = ["sk_test_", "rk_test_", "pk_test_", "pk_live_"];

    private static readonly System.Buffers.SearchValues<char> s_blanks = System.Buffers.SearchValues.Create(" \t");
    private static readonly System.Buffers.SearchValues<char> s_templating = System.Buffers.SearchValues.Create("{}%$<>");
    private static readonly System.Buffers.SearchValues<char> s_templatingOrMask = System.Buffers.SearchValues.Create("{}%$<>*");

    private static readonly string[] s_secretNameEnds =
    [
        "SECRET_KEY", "SECRET", "PASSWORD", "PASSWD", "_PASS", "TOKEN", "API_KEY", "APIKEY", "ACCESS_KEY", "PRIVATE_KEY", "AUTH_KEY",
    ];

    public static bool AppliesTo(string relativePath)
    {
        string name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        return name.EndsWith(".py", StringComparison.Ordinal) || IsYaml(name);
    }

    public static void Scan(string path, ReadOnlySpan<byte> content, ref List<SecretFinding>? findings)
    {
        if (!MayHoldSecretNames(content))
        {
            return;
        }

        string name = path[(path.LastIndexOf('/') + 1)..];
        bool yaml = IsYaml(name);
        string text = Encoding.UTF8.GetString(content);
        int lineNumber = 0;
        bool inDocstring = false;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimStart();
            if (!yaml && TogglesDocstring(line))
            {
                // Docstrings are documentation: RFC 6749's sample tokens in oauthlib's, for one.
                inDocstring = !inDocstring;
                continue;
            }

            if (inDocstring || line.IsEmpty || line[0] == '#')
            {
                continue;
            }

            int column = rawLine.Length - line.Length + 1;
            var found = yaml ? YamlValue(line) : PythonValue(line);
            if (found is { } hit)
            {
                (findings ??= []).Add(new SecretFinding(path, lineNumber, hit.Rule, hit.Detail, IsSecret: true) { Column = column });
            }
        }
    }

    /// <summary>
    /// One vectorised pass before any decoding: a file naming no secret word and holding no URL cannot hold a finding.
    /// Without it, decoding and splitting every Python file cost a 20,000-file one-shot build about 7% of its time.
    /// </summary>
    private static bool MayHoldSecretNames(ReadOnlySpan<byte> content)
    {
        char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Min(content.Length, PrefilterChunk) + 16);
        try
        {
            // Latin-1 widening keeps one byte one char (UTF-8 text outside ASCII cannot match the ASCII needles);
            // chunks overlap by the longest needle so none is cut in two.
            for (int start = 0; start < content.Length; start += PrefilterChunk)
            {
                int length = Math.Min(content.Length - start, PrefilterChunk + 15);
                int written = Encoding.Latin1.GetChars(content.Slice(start, length), buffer);
                if (buffer.AsSpan(0, written).IndexOfAny(s_needles) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A line that opens or closes a triple-quoted string (an odd count of either triple quote).</summary>
    private static bool TogglesDocstring(ReadOnlySpan<char> line)
        => (Occurrences(line, "\"\"\"") + Occurrences(line, "'''")) % 2 == 1;

    private static int Occurrences(ReadOnlySpan<char> line, string needle)
    {
        int count = 0;
        for (int i = line.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = line[(i + 3)..].IndexOf(needle, StringComparison.Ordinal) is var next and >= 0 ? i + 3 + next : -1)
        {
            count++;
        }

        return count;
    }

    private static bool IsYaml(string name)
        => name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal)
            || name.Equals("kubeconfig", StringComparison.Ordinal) || name.EndsWith(".kubeconfig", StringComparison.Ordinal);

    /// <summary><c>NAME = "value"</c>, <c>NAME = os.environ.get("X", "value")</c>, <c>"NAME": "value"</c> or a string
    /// literal holding <c>scheme://user:password@host</c>.</summary>
    private static (string Rule, string Detail)? PythonValue(ReadOnlySpan<char> line)
    {
        if (UrlInLiteral(line) is { } url)
        {
            return url;
        }

        // An assignment: an identifier (attribute paths allowed: settings.SECRET_KEY), then a single '='.
        int identifierEnd = 0;
        while (identifierEnd < line.Length && (char.IsAsciiLetterOrDigit(line[identifierEnd]) || line[identifierEnd] is '_' or '.'))
        {
            identifierEnd++;
        }

        if (identifierEnd > 0)
        {
            var rest = line[identifierEnd..].TrimStart();
            if (rest.Length > 1 && rest[0] == '=' && rest[1] != '=')
            {
                var name = line[..identifierEnd];
                name = name[(name.LastIndexOf('.') + 1)..];
                var value = rest[1..].TrimStart();
                bool fromEnvironment = value.Contains("environ.get(", StringComparison.Ordinal) || value.Contains("getenv(", StringComparison.Ordinal)
                    || value.Contains("environ.setdefault(", StringComparison.Ordinal);
                var literal = fromEnvironment ? NthLiteral(value, 2) : WholeLiteral(value);
                if (Judge(name, literal) is { } assigned)
                {
                    return assigned;
                }
            }
        }

        // A dict entry anywhere on the line: 'PASSWORD': 'value' (Django's DATABASES, a config dict).
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] is not ('"' or '\'') || Literal(line[i..], out int keyLength) is not { } key)
            {
                continue;
            }

            var after = line[(i + keyLength)..].TrimStart();
            if (after.Length > 0 && after[0] == ':' && Judge(key, WholeLiteral(after[1..].TrimStart(), allowTrailing: true)) is { } entry)
            {
                return entry;
            }

            i += keyLength - 1;
        }

        return null;
    }

    private static (string Rule, string Detail)? YamlValue(ReadOnlySpan<char> line)
    {
        if (line.StartsWith("- "))
        {
            line = line[2..].TrimStart();
        }

        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var key = line[..colon].Trim().Trim("\"'");
        var value = line[(colon + 2)..].Trim();
        int comment = value.IndexOf(" #", StringComparison.Ordinal);
        if (comment >= 0)
        {
            value = value[..comment].TrimEnd();
        }

        if (value.Length > 1 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            value = value[1..^1];
        }
        else if (value.Length > 0 && value[0] is '{' or '[' or '&' or '*' or '!' or '|' or '>')
        {
            return null; // a template, an anchor, a tag or a block scalar: not a literal value on this line
        }

        return Judge(key, value.ToString());
    }

    private static (string Rule, string Detail)? Judge(ReadOnlySpan<char> name, string? value)
    {
        if (value is null || !EndsInSecretWord(name) || !LooksLikeCredential(value))
        {
            return null;
        }

        return (SecretRules.AssignedSecret, $"a value for '{name}' ({SecretRedaction.Redact(value)})");
    }

    private static bool EndsInSecretWord(ReadOnlySpan<char> name)
    {
        foreach (string end in s_secretNameEnds)
        {
            if (name.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A value without a digit is a name (AWS_SECRET_ACCESS_KEY, '_password_reset_token', 'set-password') far more
    // often than a credential: generated keys, tokens and passwords mix in digits.
    private static bool LooksLikeCredential(string value)
        => value.Length >= MinValueLength
            && value.AsSpan().IndexOfAnyInRange('0', '9') >= 0
            && value.AsSpan().IndexOfAny(s_blanks) < 0
            && !SecretValueClassifier.IsPlaceholder(value)
            && value.AsSpan().IndexOfAny(s_templating) < 0
            && !value.Contains("EXAMPLE", StringComparison.OrdinalIgnoreCase)
            && !s_publicPrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal))
            && SecretText.LooksRandom(Encoding.UTF8.GetBytes(value));

    private static (string Rule, string Detail)? UrlInLiteral(ReadOnlySpan<char> line)
    {
        int scheme = line.IndexOf("://", StringComparison.Ordinal);
        while (scheme > 0)
        {
            int start = scheme;
            while (start > 0 && (char.IsAsciiLetterOrDigit(line[start - 1]) || line[start - 1] is '+' or '-' or '.'))
            {
                start--;
            }

            // Only a literal that is the URL itself: a quote right before the scheme (prose in a docstring is not).
            if (start > 0 && line[start - 1] is '"' or '\'' && start < scheme)
            {
                int close = line[start..].IndexOf(line[start - 1]);
                var url = close < 0 ? line[start..] : line[start..(start + close)];
                var password = SecretValueClassifier.UrlPassword(url, out _);
                if (!password.IsEmpty && !SecretValueClassifier.IsPlaceholder(password) && password.IndexOfAny(s_templatingOrMask) < 0
                    && !password.Equals("password", StringComparison.OrdinalIgnoreCase) && !password.Equals("pass", StringComparison.OrdinalIgnoreCase))
                {
                    return (SecretRules.UrlPassword, $"a URL with a password ({SecretRedaction.Redact(password.ToString())})");
                }
            }

            int next = line[(scheme + 3)..].IndexOf("://", StringComparison.Ordinal);
            scheme = next < 0 ? -1 : scheme + 3 + next;
        }

        return null;
    }

    /// <summary>The literal that makes up the whole value (with an optional trailing comma for a dict entry).</summary>
    private static string? WholeLiteral(ReadOnlySpan<char> value, bool allowTrailing = false)
    {
        if (value.Length > 0 && value[0] is 'b' or 'r' or 'u' && value.Length > 1 && value[1] is '"' or '\'')
        {
            value = value[1..];
        }

        if (Literal(value, out int length) is not { } literal)
        {
            return null;
        }

        var rest = value[length..].TrimStart();
        return rest.IsEmpty || rest[0] == '#' || (allowTrailing && rest[0] is ',' or '}') ? literal : null;
    }

    private static string? NthLiteral(ReadOnlySpan<char> value, int n)
    {
        for (int i = 0, seen = 0; i < value.Length; i++)
        {
            if (value[i] is '"' or '\'' && Literal(value[i..], out int length) is { } literal)
            {
                if (++seen == n)
                {
                    return literal;
                }

                i += length - 1;
            }
        }

        return null;
    }

    /// <summary>A one-line quoted string at the start of <paramref name="text"/> (no escapes inside), and its length with quotes.</summary>
    private static string? Literal(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        if (text.Length < 2 || text[0] is not ('"' or '\''))
        {
            return null;
        }

        int close = text[1..].IndexOf(text[0]);
        if (close < 0 || text[1..(close + 1)].Contains('\\'))
        {
            return null;
        }

        length = close + 2;
        return text[1..(close + 1)].ToString();
    }
}
