namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Git's wildmatch semantics with the path flag: <c>*</c>, <c>?</c> and classes never cross <c>/</c>; <c>**</c> spans
/// folders only as a whole segment (<c>**/x</c>, <c>x/**</c>, <c>a/**/b</c>), elsewhere it is a plain <c>*</c>.
/// A backslash makes the next character literal.
/// </summary>
internal static class Wildmatch
{
    // Like git, a failed sub-match says how far the failure reaches, which keeps backtracking polynomial:
    // when the text ran out, no later start of an enclosing star can succeed either (AbortAll); when a single star
    // hit a '/', only an enclosing '**' may still move on (AbortToDoubleStar).
    private const int NoMatch = 0, Matched = 1, AbortAll = 2, AbortToDoubleStar = 3;

    public static bool IsMatch(string pattern, ReadOnlySpan<char> text) => Match(pattern, 0, text, 0) == Matched;

    private static int Match(string p, int pi, ReadOnlySpan<char> t, int ti)
    {
        while (pi < p.Length)
        {
            char c = p[pi];
            switch (c)
            {
                case '\\':
                    if (pi + 1 < p.Length)
                    {
                        pi++;
                        c = p[pi];
                    }

                    if (ti >= t.Length)
                    {
                        return AbortAll;
                    }

                    if (t[ti] != c)
                    {
                        return NoMatch;
                    }

                    pi++;
                    ti++;
                    break;

                case '?':
                    if (ti >= t.Length)
                    {
                        return AbortAll;
                    }

                    if (t[ti] == '/')
                    {
                        return NoMatch;
                    }

                    pi++;
                    ti++;
                    break;

                case '[':
                    if (ti >= t.Length)
                    {
                        return AbortAll;
                    }

                    if (t[ti] == '/')
                    {
                        return NoMatch;
                    }

                    int classEnd = MatchClass(p, pi, t[ti], out bool classMatched);
                    if (classEnd < 0)
                    {
                        // An unterminated class is a literal '['.
                        if (t[ti] != '[')
                        {
                            return NoMatch;
                        }

                        pi++;
                    }
                    else
                    {
                        if (!classMatched)
                        {
                            return NoMatch;
                        }

                        pi = classEnd;
                    }

                    ti++;
                    break;

                case '*':
                    return MatchStar(p, pi, t, ti);

                default:
                    if (ti >= t.Length)
                    {
                        return AbortAll;
                    }

                    if (t[ti] != c)
                    {
                        return NoMatch;
                    }

                    pi++;
                    ti++;
                    break;
            }
        }

        return ti == t.Length ? Matched : NoMatch;
    }

    private static int MatchStar(string p, int pi, ReadOnlySpan<char> t, int ti)
    {
        int start = pi;
        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        bool isDouble = pi - start >= 2
            && (start == 0 || p[start - 1] == '/')
            && (pi == p.Length || p[pi] == '/');

        if (isDouble)
        {
            if (pi == p.Length)
            {
                // "x/**" or "**": everything below.
                return Matched;
            }

            // "**/": zero or more whole folders.
            int rest = pi + 1;
            int result = Match(p, rest, t, ti);
            if (result is Matched or AbortAll)
            {
                return result;
            }

            for (int i = ti; i < t.Length; i++)
            {
                if (t[i] == '/')
                {
                    result = Match(p, rest, t, i + 1);
                    if (result is Matched or AbortAll)
                    {
                        return result;
                    }
                }
            }

            return NoMatch;
        }

        if (pi == p.Length)
        {
            return t[ti..].IndexOf('/') < 0 ? Matched : NoMatch;
        }

        for (int i = ti; i <= t.Length; i++)
        {
            int result = Match(p, pi, t, i);
            if (result != NoMatch)
            {
                return result;
            }

            if (i < t.Length && t[i] == '/')
            {
                return AbortToDoubleStar;
            }
        }

        return AbortAll;
    }

    /// <summary>Returns the index after the closing bracket, or -1 when the class is not terminated.</summary>
    private static int MatchClass(string p, int pi, char ch, out bool matched)
    {
        matched = false;
        int i = pi + 1;
        bool negate = false;
        if (i < p.Length && (p[i] == '!' || p[i] == '^'))
        {
            negate = true;
            i++;
        }

        bool first = true;
        bool hit = false;
        while (i < p.Length)
        {
            char c = p[i];
            if (c == ']' && !first)
            {
                matched = hit != negate;
                return i + 1;
            }

            first = false;
            if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                int close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    hit |= MatchNamedClass(p.AsSpan(i + 2, close - i - 2), ch);
                    i = close + 2;
                    continue;
                }
            }

            if (c == '\\' && i + 1 < p.Length)
            {
                i++;
                c = p[i];
            }

            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                char high = p[i + 2];
                int next = i + 3;
                if (high == '\\' && i + 3 < p.Length)
                {
                    high = p[i + 3];
                    next = i + 4;
                }

                hit |= ch >= c && ch <= high;
                i = next;
                continue;
            }

            hit |= ch == c;
            i++;
        }

        return -1;
    }

    private static bool MatchNamedClass(ReadOnlySpan<char> name, char ch) => name switch
    {
        "alnum" => char.IsAsciiLetterOrDigit(ch),
        "alpha" => char.IsAsciiLetter(ch),
        "digit" => char.IsAsciiDigit(ch),
        "lower" => char.IsAsciiLetterLower(ch),
        "upper" => char.IsAsciiLetterUpper(ch),
        "space" => ch is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
        "xdigit" => char.IsAsciiHexDigit(ch),
        "punct" => char.IsAsciiLetterOrDigit(ch) is false && ch is > ' ' and < (char)127,
        "blank" => ch is ' ' or '\t',
        "cntrl" => ch < ' ' || ch == (char)127,
        "graph" => ch is > ' ' and < (char)127,
        "print" => ch is >= ' ' and < (char)127,
        _ => false,
    };
}
