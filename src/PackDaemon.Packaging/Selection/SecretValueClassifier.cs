namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Decides, in env and credential files, which names look secret, which values are placeholders, and where a URL
/// carries a password. Conservative: anything not recognised as a placeholder counts as a secret, because a false
/// error costs one allow-list line and a leaked secret costs a key rotation.
/// </summary>
internal static class SecretValueClassifier
{
    private static readonly string[] s_secretNameParts = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL"];

    // Words that mean "fill me in" or are flags, never credentials. Deliberately short: "secret", "test", "dev" or
    // "password" as a value stay secrets (they are real, if weak, passwords on someone's database).
    private static readonly string[] s_placeholderWords =
    [
        "changeme", "change-me", "change_me", "changethis", "change-this", "change_this",
        "replaceme", "replace-me", "replace_me", "placeholder", "todo", "tbd", "fixme", "redacted",
        "none", "null", "nil", "true", "false", "yes", "no", "on", "off", "0", "1",
    ];

    public static bool IsSecretName(ReadOnlySpan<char> name)
    {
        foreach (string part in s_secretNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Empty; a reference resolved elsewhere (<c>${NAME}</c>, <c>$NAME</c>, <c>$(command)</c>); <c>&lt;...&gt;</c>;
    /// only <c>x</c>, <c>*</c> or <c>.</c> (<c>xxx</c>, <c>****</c>, <c>...</c>); a word of <see cref="s_placeholderWords"/>;
    /// or a phrase like <c>your-api-key</c> / <c>put-key-here</c> made of letters and separators only.
    /// </summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        if (IsReference(value))
        {
            return true;
        }

        if (value.Length >= 2 && value[0] == '<' && value[^1] == '>')
        {
            return true;
        }

        if (value.IndexOfAnyExcept("xX*.") < 0)
        {
            return true;
        }

        foreach (string word in s_placeholderWords)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsFillInPhrase(value);
    }

    /// <summary>The password of a <c>scheme://user:password@host</c> URL in <paramref name="value"/>, or empty.</summary>
    public static ReadOnlySpan<char> UrlPassword(ReadOnlySpan<char> value, out int passwordIndex)
    {
        passwordIndex = -1;
        int scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return [];
        }

        int authorityStart = scheme + 3;
        ReadOnlySpan<char> authority = value[authorityStart..];
        int authorityEnd = authority.IndexOfAny("/?#");
        if (authorityEnd >= 0)
        {
            authority = authority[..authorityEnd];
        }

        // The password may itself hold '@' when unencoded; the host part follows the last one.
        int at = authority.LastIndexOf('@');
        if (at < 0)
        {
            return [];
        }

        ReadOnlySpan<char> userInfo = authority[..at];
        int colon = userInfo.IndexOf(':');
        if (colon < 0 || colon == userInfo.Length - 1)
        {
            return [];
        }

        passwordIndex = authorityStart + colon + 1;
        return userInfo[(colon + 1)..];
    }

    private static bool IsReference(ReadOnlySpan<char> value)
    {
        if (value[0] != '$' || value.Length < 2)
        {
            return false;
        }

        // Only a whole-value reference: "${DB_PASS:-hunter2}" carries a default, "abc$X" a literal part.
        if (value[1] == '{')
        {
            return value[^1] == '}' && IsIdentifier(value[2..^1]);
        }

        if (value[1] == '(')
        {
            return value[^1] == ')';
        }

        return IsIdentifier(value[1..]);
    }

    private static bool IsIdentifier(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFillInPhrase(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiLetter(c) && c is not ('-' or '_' or ' '))
            {
                return false;
            }
        }

        return StartsWithWord(value, "your") || StartsWithWord(value, "insert") || StartsWithWord(value, "put")
            || StartsWithWord(value, "enter") || EndsWithWord(value, "here");
    }

    private static bool StartsWithWord(ReadOnlySpan<char> value, string word)
        => value.Length > word.Length && value.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            && value[word.Length] is '-' or '_' or ' ';

    private static bool EndsWithWord(ReadOnlySpan<char> value, string word)
        => value.Length > word.Length && value.EndsWith(word, StringComparison.OrdinalIgnoreCase)
            && value[^(word.Length + 1)] is '-' or '_' or ' ';
}
