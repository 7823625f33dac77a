using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PackDaemon.Packaging.Standards;

/// <summary>PEP 639 license expressions: SPDX identifiers with AND/OR/WITH and parentheses, case-normalized.</summary>
/// <remarks>
/// Known identifiers come from the SPDX License List (<see cref="SpdxLicenseData.ListVersion"/>); an identifier not on it is
/// an error, as PEP 639 asks tools to validate. <c>LicenseRef-</c>/<c>DocumentRef-</c> references keep their own case.
/// Output: operators upper-case, single spaces, no space inside parentheses (what packaging's canonicalizer writes).
/// </remarks>
public static class SpdxExpression
{
    private static readonly FrozenDictionary<string, string> s_licenses =
        SpdxLicenseData.LicenseIds.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> s_exceptions =
        SpdxLicenseData.ExceptionIds.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string> tokens = Tokenize(text);
        normalized = null;
        if (tokens.Count == 0)
        {
            error = "the license expression is empty";
            return false;
        }

        var state = new ParseState(tokens);
        var sb = new StringBuilder(text.Length);
        error = ParseOr(state, sb);
        if (error is null && state.Position < tokens.Count)
        {
            error = tokens[state.Position] == ")"
                ? "unmatched ')'"
                : $"unexpected '{tokens[state.Position]}'; expected AND, OR or the end";
        }

        if (error is not null)
        {
            error = $"invalid license expression '{text.Trim()}': {error}";
            return false;
        }

        normalized = sb.ToString();
        return true;
    }

    private static readonly FrozenSet<string> s_deprecated = SpdxLicenseData.DeprecatedIds.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The identifiers in a normalized expression that SPDX has deprecated (such as <c>GPL-2.0</c>, replaced by
    /// <c>GPL-2.0-only</c>/<c>GPL-2.0-or-later</c>). They stay valid; callers may warn.
    /// </summary>
    public static IReadOnlyList<string> FindDeprecatedIds(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        List<string> found = [];
        foreach (string token in Tokenize(normalized))
        {
            string id = token.TrimEnd('+');
            if (s_deprecated.Contains(id) && !found.Contains(id))
            {
                found.Add(id);
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="id"/> is on the SPDX license list (any case).</summary>
    public static bool IsKnownLicenseId(string id) => s_licenses.ContainsKey(id);

    private static List<string> Tokenize(string text)
    {
        List<string> tokens = [];
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(c == '(' ? "(" : ")");
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static string? ParseOr(ParseState state, StringBuilder sb)
    {
        string? error = ParseAnd(state, sb);
        while (error is null && state.TryTakeOperator("OR"))
        {
            sb.Append(" OR ");
            error = ParseAnd(state, sb);
        }

        return error;
    }

    private static string? ParseAnd(ParseState state, StringBuilder sb)
    {
        string? error = ParseWith(state, sb);
        while (error is null && state.TryTakeOperator("AND"))
        {
            sb.Append(" AND ");
            error = ParseWith(state, sb);
        }

        return error;
    }

    private static string? ParseWith(ParseState state, StringBuilder sb)
    {
        string? error = ParseAtom(state, sb, out bool wasGroup);
        if (error is not null || !state.TryTakeOperator("WITH"))
        {
            return error;
        }

        if (wasGroup)
        {
            return "WITH must follow a single license identifier, not a parenthesized expression";
        }

        string? exception = state.Take();
        if (exception is null or "(" or ")")
        {
            return "expected a license exception identifier after WITH";
        }

        if (!s_exceptions.TryGetValue(exception, out string? canonical))
        {
            return $"'{exception}' is not a known SPDX license exception (SPDX list {SpdxLicenseData.ListVersion})";
        }

        sb.Append(" WITH ").Append(canonical);
        return null;
    }

    private static string? ParseAtom(ParseState state, StringBuilder sb, out bool wasGroup)
    {
        wasGroup = false;
        string? token = state.Take();
        if (token is null)
        {
            return "the expression ends where a license identifier was expected";
        }

        if (token == "(")
        {
            wasGroup = true;
            sb.Append('(');
            string? error = ParseOr(state, sb);
            if (error is not null)
            {
                return error;
            }

            if (state.Take() != ")")
            {
                return "expected ')'";
            }

            sb.Append(')');
            return null;
        }

        if (token == ")" || IsOperator(token))
        {
            return $"unexpected '{token}' where a license identifier was expected";
        }

        return AppendSimpleExpression(token, sb);
    }

    private static string? AppendSimpleExpression(string token, StringBuilder sb)
    {
        int colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            if (!token.StartsWith("DocumentRef-", StringComparison.OrdinalIgnoreCase)
                || !IsIdString(token.AsSpan(12, colon - 12))
                || !token.AsSpan(colon + 1).StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase)
                || !IsIdString(token.AsSpan(colon + 12)))
            {
                return $"'{token}' is not a valid reference; the form is DocumentRef-<id>:LicenseRef-<id>";
            }

            sb.Append("DocumentRef-").Append(token.AsSpan(12, colon - 12)).Append(":LicenseRef-").Append(token.AsSpan(colon + 12));
            return null;
        }

        if (token.StartsWith("LicenseRef-", StringComparison.OrdinalIgnoreCase))
        {
            if (!IsIdString(token.AsSpan(11)))
            {
                return $"'{token}' is not a valid LicenseRef: after 'LicenseRef-' use only letters, digits, '-' and '.'";
            }

            sb.Append("LicenseRef-").Append(token.AsSpan(11));
            return null;
        }

        bool orLater = token.EndsWith('+');
        string id = orLater ? token[..^1] : token;
        if (!s_licenses.TryGetValue(id, out string? canonical))
        {
            return s_exceptions.ContainsKey(id)
                ? $"'{id}' is a license exception; write it after WITH (such as 'GPL-2.0-only WITH {id}')"
                : $"'{id}' is not a known SPDX license identifier (SPDX list {SpdxLicenseData.ListVersion}); use LicenseRef-<name> for a custom license";
        }

        sb.Append(canonical);
        if (orLater)
        {
            sb.Append('+');
        }

        return null;
    }

    private static bool IsOperator(string token) =>
        token.Equals("AND", StringComparison.OrdinalIgnoreCase)
        || token.Equals("OR", StringComparison.OrdinalIgnoreCase)
        || token.Equals("WITH", StringComparison.OrdinalIgnoreCase);

    private static bool IsIdString(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class ParseState(List<string> tokens)
    {
        public int Position { get; private set; }

        public string? Take() => Position < tokens.Count ? tokens[Position++] : null;

        public bool TryTakeOperator(string op)
        {
            if (Position < tokens.Count && tokens[Position].Equals(op, StringComparison.OrdinalIgnoreCase))
            {
                Position++;
                return true;
            }

            return false;
        }
    }
}
