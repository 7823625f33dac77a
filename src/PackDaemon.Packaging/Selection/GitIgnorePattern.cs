using System.Buffers;

namespace PackDaemon.Packaging.Selection;

/// <summary>One compiled line of a gitignore file (gitignore(5) "PATTERN FORMAT").</summary>
internal sealed class GitIgnorePattern
{
    private static readonly SearchValues<char> s_wildcards = SearchValues.Create("*?[\\");

    private readonly string _glob;
    private readonly MatchKind _kind;
    private readonly string _literal;

    private GitIgnorePattern(string text, int line, string glob, bool negated, bool directoryOnly, bool anchored)
    {
        Text = text;
        Line = line;
        _glob = glob;
        IsNegated = negated;
        IsDirectoryOnly = directoryOnly;
        IsAnchored = anchored;

        int special = glob.AsSpan().IndexOfAny(s_wildcards);
        if (special < 0)
        {
            _kind = MatchKind.Literal;
            _literal = glob;
        }
        else if (special == 0 && glob.Length > 1 && glob[0] == '*' && glob.AsSpan(1).IndexOfAny(s_wildcards) < 0)
        {
            _kind = MatchKind.StarSuffix;
            _literal = glob[1..];
        }
        else
        {
            _kind = MatchKind.Wild;
            _literal = string.Empty;
        }
    }

    private enum MatchKind
    {
        Literal,
        StarSuffix,
        Wild,
    }

    /// <summary>The line as written, without trailing blanks, for explanations.</summary>
    public string Text { get; }

    public int Line { get; }

    public bool IsNegated { get; }

    public bool IsDirectoryOnly { get; }

    /// <summary>A slash at the start or in the middle anchors the pattern to its file's folder; otherwise it matches a name at any depth.</summary>
    public bool IsAnchored { get; }

    public static GitIgnorePattern? Parse(ReadOnlySpan<char> line, int lineNumber)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line = line[..^1];
        }

        // Trailing spaces are dropped unless the last one is escaped with a backslash.
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ' && !(end >= 2 && line[end - 2] == '\\'))
        {
            end--;
        }

        line = line[..end];
        if (line.IsEmpty || line[0] == '#')
        {
            return null;
        }

        string text = line.ToString();
        bool negated = false;
        if (line[0] == '!')
        {
            negated = true;
            line = line[1..];
        }

        bool directoryOnly = false;
        if (line.Length > 0 && line[^1] == '/' && !(line.Length >= 2 && line[^2] == '\\'))
        {
            directoryOnly = true;
            line = line[..^1];
        }

        if (line.IsEmpty)
        {
            return null;
        }

        bool anchored = line.IndexOf('/') >= 0;
        if (line[0] == '/')
        {
            line = line[1..];
            if (line.IsEmpty)
            {
                return null;
            }
        }

        return new GitIgnorePattern(text, lineNumber, line.ToString(), negated, directoryOnly, anchored);
    }

    /// <param name="relativePath">Path relative to the folder of the ignore file, <c>/</c>-separated.</param>
    public bool IsMatch(ReadOnlySpan<char> relativePath, bool isDirectory)
    {
        if (IsDirectoryOnly && !isDirectory)
        {
            return false;
        }

        ReadOnlySpan<char> subject = relativePath;
        if (!IsAnchored)
        {
            int slash = relativePath.LastIndexOf('/');
            subject = relativePath[(slash + 1)..];
        }

        return _kind switch
        {
            MatchKind.Literal => subject.SequenceEqual(_literal),
            MatchKind.StarSuffix => subject.EndsWith(_literal, StringComparison.Ordinal) && subject.IndexOf('/') < 0,
            _ => Wildmatch.IsMatch(_glob, subject),
        };
    }
}
