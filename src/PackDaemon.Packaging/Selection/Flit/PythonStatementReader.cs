using System.Text;

namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>
/// Splits Python source into statements, with just enough of Python's tokenizer to find them reliably: comments,
/// every string literal form (prefixes, triple quotes, escapes), brackets that continue a line, backslash
/// continuations and <c>;</c>. It never runs or fully parses the code: flit_core reads a module's docstring and
/// <c>__version__</c> from its AST, and these two only need the module body's statements.
/// </summary>
internal sealed class PythonStatementReader
{
    private static readonly HashSet<string> s_compoundKeywords = new(StringComparer.Ordinal)
    {
        "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class", "async",
    };

    private static readonly HashSet<string> s_stringPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "r", "u", "b", "f", "br", "rb", "fr", "rf",
    };

    private static readonly string[] s_operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        ":=", "->", "**", "//", "<<", ">>",
    ];

    private readonly string _source;
    private readonly List<PythonStatement> _statements = [];
    private readonly List<PythonToken> _line = [];
    private int _position;
    private int _lineNumber = 1;
    private int _lineStart;
    private int _depth;

    private PythonStatementReader(string source)
    {
        // Python reads source with universal newlines: \r\n and \r are \n, inside string literals too.
        _source = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
    }

    /// <summary>The module's statements in order, or the first thing that stops Python's tokenizer (with its position).</summary>
    public static (IReadOnlyList<PythonStatement> Statements, PythonSourceProblem? Problem) Read(string source)
    {
        var reader = new PythonStatementReader(source);
        try
        {
            reader.ReadAll();
            return (reader._statements, null);
        }
        catch (PythonSourceException ex)
        {
            return (reader._statements, ex.Problem);
        }
    }

    private void ReadAll()
    {
        while (_position < _source.Length)
        {
            char c = _source[_position];
            if (c == '\n')
            {
                if (_depth == 0)
                {
                    EndLogicalLine();
                }

                NewLine();
            }
            else if (c is ' ' or '\t' or '\f')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < _source.Length && _source[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '\\' && _position + 1 < _source.Length && _source[_position + 1] == '\n')
            {
                _position++;
                NewLine();
            }
            else if (c is '"' or '\'')
            {
                ReadString(string.Empty, _position);
            }
            else if (char.IsLetter(c) || c == '_' || c > 127)
            {
                ReadNameOrPrefixedString();
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && _position + 1 < _source.Length && char.IsAsciiDigit(_source[_position + 1])))
            {
                int start = _position;
                while (_position < _source.Length && (char.IsAsciiLetterOrDigit(_source[_position]) || _source[_position] is '_' or '.'))
                {
                    _position++;
                }

                Add(PythonTokenKind.Other, _source[start.._position], start);
            }
            else
            {
                ReadOperator(c);
            }
        }

        EndLogicalLine();
    }

    private void NewLine()
    {
        _position++;
        _lineNumber++;
        _lineStart = _position;
    }

    private void Add(PythonTokenKind kind, string text, int start, string? value = null, int? line = null, int? lineStart = null)
        => _line.Add(new PythonToken(kind, text, line ?? _lineNumber, start - (lineStart ?? _lineStart) + 1, _depth, value));

    private void ReadNameOrPrefixedString()
    {
        int start = _position;
        while (_position < _source.Length && (char.IsLetterOrDigit(_source[_position]) || _source[_position] == '_' || _source[_position] > 127))
        {
            _position++;
        }

        string name = _source[start.._position];
        if (_position < _source.Length && _source[_position] is '"' or '\'' && s_stringPrefixes.Contains(name))
        {
            ReadString(name, start);
            return;
        }

        Add(PythonTokenKind.Name, name, start);
    }

    private void ReadOperator(char c)
    {
        int start = _position;
        string? text = s_operators.FirstOrDefault(op => string.CompareOrdinal(_source, _position, op, 0, op.Length) == 0);
        text ??= c.ToString();
        _position += text.Length;
        if (text is "(" or "[" or "{")
        {
            Add(PythonTokenKind.Operator, text, start);
            _depth++;
            return;
        }

        if (text is ")" or "]" or "}")
        {
            _depth = Math.Max(0, _depth - 1);
        }

        Add(PythonTokenKind.Operator, text, start);
    }

    private void ReadString(string prefix, int start)
    {
        int line = _lineNumber;
        int lineStart = _lineStart;
        char quote = _source[_position];
        bool triple = string.CompareOrdinal(_source, _position, new string(quote, 3), 0, 3) == 0;
        int quoteLength = triple ? 3 : 1;
        int contentStart = _position + quoteLength;
        int i = contentStart;
        while (true)
        {
            if (i >= _source.Length || (!triple && _source[i] == '\n'))
            {
                throw new PythonSourceException(new PythonSourceProblem("a string literal is not closed", line, start - lineStart + 1));
            }

            char c = _source[i];
            if (c == '\\' && i + 1 < _source.Length)
            {
                if (_source[i + 1] == '\n')
                {
                    _lineNumber++;
                    _lineStart = i + 2;
                }

                i += 2;
                continue;
            }

            if (c == '\n')
            {
                _lineNumber++;
                _lineStart = i + 1;
            }

            if (c == quote && (!triple || string.CompareOrdinal(_source, i, new string(quote, 3), 0, 3) == 0))
            {
                break;
            }

            i++;
        }

        string body = _source[contentStart..i];
        _position = i + quoteLength;
        string lower = prefix.ToLowerInvariant();
        string? value = null;
        if (!lower.Contains('b', StringComparison.Ordinal) && !lower.Contains('f', StringComparison.Ordinal))
        {
            value = lower.Contains('r', StringComparison.Ordinal) ? body : Unescape(body, line, start - lineStart + 1);
        }

        Add(PythonTokenKind.String, _source[start.._position], start, value, line, lineStart);
    }

    private void EndLogicalLine()
    {
        if (_line.Count == 0)
        {
            return;
        }

        bool topLevel = _line[0].Column == 1;
        var first = _line[0];
        bool compound = s_compoundKeywords.Contains(first.Text) && first.Kind == PythonTokenKind.Name
            || first.Is(PythonTokenKind.Operator, "@")
            || (first.Text is "match" or "case" && _line.Count > 2 && _line[^1].Is(PythonTokenKind.Operator, ":"));
        if (compound)
        {
            _statements.Add(new PythonStatement([.. _line], topLevel, Compound: true));
        }
        else
        {
            var statement = new List<PythonToken>();
            foreach (var token in _line)
            {
                if (token.Is(PythonTokenKind.Operator, ";") && token.Depth == 0)
                {
                    Flush(statement, topLevel);
                    continue;
                }

                statement.Add(token);
            }

            Flush(statement, topLevel);
        }

        _line.Clear();
    }

    private void Flush(List<PythonToken> statement, bool topLevel)
    {
        if (statement.Count > 0)
        {
            _statements.Add(new PythonStatement([.. statement], topLevel, Compound: false));
            statement.Clear();
        }
    }

    /// <summary>A non-raw str literal's value: Python's escape sequences, an unknown one kept as written.</summary>
    private static string Unescape(string body, int line, int column)
    {
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }

        var result = new StringBuilder(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (c != '\\' || i + 1 >= body.Length)
            {
                result.Append(c);
                continue;
            }

            char next = body[++i];
            switch (next)
            {
                case '\n': break;
                case '\\': result.Append('\\'); break;
                case '\'': result.Append('\''); break;
                case '"': result.Append('"'); break;
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case >= '0' and <= '7':
                    int octalEnd = i;
                    while (octalEnd < body.Length && octalEnd - i < 3 && body[octalEnd] is >= '0' and <= '7')
                    {
                        octalEnd++;
                    }

                    result.Append((char)Convert.ToInt32(body[i..octalEnd], 8));
                    i = octalEnd - 1;
                    break;
                case 'x' or 'u' or 'U':
                    int digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                    string hex = i + digits < body.Length ? body.Substring(i + 1, digits) : string.Empty;
                    if (hex.Length != digits || !hex.All(char.IsAsciiHexDigit)
                        || Convert.ToInt32(hex, 16) is var code && code > 0x10FFFF)
                    {
                        throw new PythonSourceException(new PythonSourceProblem($"a truncated or invalid \\{next} escape", line, column));
                    }

                    result.Append(char.ConvertFromUtf32(code >= 0xD800 && code <= 0xDFFF ? 0xFFFD : code));
                    i += digits;
                    break;
                case 'N':
                    // Resolving a Unicode character name needs Python's name database, which .NET does not carry.
                    throw new PythonSourceException(new PythonSourceProblem("a \\N{...} escape, which packd cannot resolve without Python", line, column));
                default:
                    result.Append('\\').Append(next);
                    break;
            }
        }

        return result.ToString();
    }
}
