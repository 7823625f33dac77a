using System.Text;

namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>How the module's <c>__version__</c> was found.</summary>
internal enum FlitVersionSource
{
    /// <summary>A top-level <c>__version__ = "..."</c> (flit_core's AST reading), or an annotated one flit reaches by importing.</summary>
    Literal,

    /// <summary>flit_core would import the module to learn it (computed, imported, set inside a block): packd does not run Python.</summary>
    NeedsImport,

    /// <summary>The module never names <c>__version__</c>.</summary>
    Missing,
}

/// <param name="Line">1-based position of the value (Literal) or of the first mention of <c>__version__</c> (NeedsImport).</param>
internal sealed record FlitVersionFinding(FlitVersionSource Source, string? Value, int Line, int Column);

/// <summary>
/// What flit_core 3.8 reads from the module's source without importing it (common.get_docstring_and_version_via_ast):
/// the docstring, and the first top-level <c>__version__</c> assigned a plain string. Where flit would fall back to
/// importing the module, packd says so instead of guessing (the one exception: an annotated literal assignment that
/// nothing else rebinds, whose value the import would give).
/// </summary>
internal static class FlitModuleSource
{
    private const string VersionName = "__version__";

    public static (string? Docstring, FlitVersionFinding Version, PythonSourceProblem? Problem) Read(string source)
    {
        var (statements, problem) = PythonStatementReader.Read(source);
        if (problem is not null)
        {
            return (null, new FlitVersionFinding(FlitVersionSource.Missing, null, 0, 0), problem);
        }

        return (Docstring(statements), Version(statements), null);
    }

    /// <summary>flit's Summary: the docstring cleaned as Python's <c>ast.get_docstring</c> does (inspect.cleandoc), then its
    /// first line once leading whitespace is gone.</summary>
    public static string? Summary(string? docstring)
    {
        if (docstring is null)
        {
            return null;
        }

        string cleaned = CleanDoc(docstring).TrimStart();
        if (cleaned.Length == 0)
        {
            return null;
        }

        int end = cleaned.IndexOfAny(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);
        return end < 0 ? cleaned : cleaned[..end];
    }

    // A module's docstring is its first statement when that is a str constant: one or more adjacent str literals,
    // possibly in parentheses. Bytes or an f-string there is not a docstring.
    private static string? Docstring(IReadOnlyList<PythonStatement> statements)
    {
        if (statements.Count == 0 || !statements[0].TopLevel || statements[0].Compound)
        {
            return null;
        }

        return PlainStringValue(statements[0].Tokens, 0, statements[0].Tokens.Count);
    }

    private static FlitVersionFinding Version(IReadOnlyList<PythonStatement> statements)
    {
        // flit_core's AST pass: the first top-level `__version__ = <str constant>` wins, other assignments are passed over.
        foreach (var statement in statements)
        {
            if (statement.TopLevel && !statement.Compound && AssignedLiteral(statement.Tokens) is { } found)
            {
                return found;
            }
        }

        // Otherwise flit imports the module and takes whatever __version__ ends up as. An annotated literal that nothing
        // else in the module rebinds is what that import gives; anything else needs the code to run.
        // The hybrid (native+evaluated) mode would ask its Python worker at this point instead.
        FlitVersionFinding? annotated = null;
        PythonToken? firstBinding = null;
        int bindings = 0;
        bool starImport = false;
        bool globalDeclared = statements.Any(static s => s.Tokens[0].Is(PythonTokenKind.Name, "global")
            && s.Tokens.Any(static t => t.Is(PythonTokenKind.Name, VersionName)));
        bool inFunctionOrClass = false;
        foreach (var statement in statements)
        {
            var tokens = statement.Tokens;
            if (statement.TopLevel)
            {
                // A top-level def or class (a decorator line leads to one): the lines indented below it bind local or
                // class names, not the module's, unless the module declares the name global somewhere.
                inFunctionOrClass = statement.Compound && tokens[0].Text is "def" or "class" or "async" or "@";
            }

            starImport |= tokens[0].Is(PythonTokenKind.Name, "from") && tokens[^1].Is(PythonTokenKind.Operator, "*");
            bool local = !statement.TopLevel && inFunctionOrClass && !globalDeclared;
            for (int i = 0; i < tokens.Count && !local; i++)
            {
                if (tokens[i].Is(PythonTokenKind.Name, VersionName) && IsBinding(tokens, i))
                {
                    firstBinding ??= tokens[i];
                    bindings++;
                }
            }

            if (statement.TopLevel && !statement.Compound && AnnotatedLiteral(tokens) is { } value)
            {
                annotated = value;
            }
        }

        if (annotated is not null && bindings == 1 && !starImport)
        {
            return annotated;
        }

        return firstBinding is null && !starImport
            ? new FlitVersionFinding(FlitVersionSource.Missing, null, 0, 0)
            : new FlitVersionFinding(FlitVersionSource.NeedsImport, null, firstBinding?.Line ?? 1, firstBinding?.Column ?? 1);
    }

    // Whether this mention of the name (re)binds it: an assignment target (plain, augmented, annotated, unpacked,
    // walrus), an import, `as`, `for`, `del`, `global`. A mere use (`print(__version__)`) does not.
    private static bool IsBinding(IReadOnlyList<PythonToken> tokens, int index)
    {
        if (tokens[0].Kind == PythonTokenKind.Name && tokens[0].Text is "import" or "from" or "global" or "nonlocal" or "del" or "for" or "async")
        {
            return true;
        }

        if ((index > 0 && tokens[index - 1].Is(PythonTokenKind.Name, "as"))
            || (index + 1 < tokens.Count && tokens[index + 1].Is(PythonTokenKind.Operator, ":=")))
        {
            return true;
        }

        if (tokens[index].Depth > 0)
        {
            return false;
        }

        if (index + 1 < tokens.Count && tokens[index + 1].Is(PythonTokenKind.Operator, ":"))
        {
            return true;
        }

        for (int i = index + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].Kind == PythonTokenKind.Operator && IsAssignmentOperator(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssignmentOperator(string op)
        => op == "=" || (op.Length >= 2 && op[^1] == '=' && op is not ("==" or "!=" or "<=" or ">="));

    // `a = __version__ = "1.0"`: every part before the last top-level `=` is a target; one must be the bare name.
    private static FlitVersionFinding? AssignedLiteral(IReadOnlyList<PythonToken> tokens)
    {
        int lastEquals = -1;
        bool targetIsVersion = false;
        int targetStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].Is(PythonTokenKind.Operator, "="))
            {
                targetIsVersion |= i - targetStart == 1 && tokens[targetStart].Is(PythonTokenKind.Name, VersionName);
                lastEquals = i;
                targetStart = i + 1;
            }
        }

        if (!targetIsVersion || lastEquals + 1 >= tokens.Count)
        {
            return null;
        }

        var value = PlainStringValue(tokens, lastEquals + 1, tokens.Count);
        return value is null ? null : new FlitVersionFinding(FlitVersionSource.Literal, value, tokens[lastEquals + 1].Line, tokens[lastEquals + 1].Column);
    }

    // `__version__: str = "1.0"`
    private static FlitVersionFinding? AnnotatedLiteral(IReadOnlyList<PythonToken> tokens)
    {
        if (tokens.Count < 5 || !tokens[0].Is(PythonTokenKind.Name, VersionName) || !tokens[1].Is(PythonTokenKind.Operator, ":"))
        {
            return null;
        }

        for (int i = 2; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Depth == 0 && tokens[i].Is(PythonTokenKind.Operator, "="))
            {
                var value = PlainStringValue(tokens, i + 1, tokens.Count);
                return value is null ? null : new FlitVersionFinding(FlitVersionSource.Literal, value, tokens[i + 1].Line, tokens[i + 1].Column);
            }
        }

        return null;
    }

    /// <summary>The value of tokens [start, end) when they are adjacent str literals, optionally in parentheses.</summary>
    private static string? PlainStringValue(IReadOnlyList<PythonToken> tokens, int start, int end)
    {
        while (end - start >= 3 && tokens[start].Is(PythonTokenKind.Operator, "(") && tokens[end - 1].Is(PythonTokenKind.Operator, ")"))
        {
            start++;
            end--;
        }

        if (start >= end)
        {
            return null;
        }

        var value = new StringBuilder();
        for (int i = start; i < end; i++)
        {
            if (tokens[i].Kind != PythonTokenKind.String || tokens[i].Value is null)
            {
                return null;
            }

            value.Append(tokens[i].Value);
        }

        return value.ToString();
    }

    // inspect.cleandoc: tabs expanded, the common indentation of the lines after the first removed, the first line's
    // leading whitespace removed, and blank lines at both ends dropped.
    private static string CleanDoc(string doc)
    {
        string[] lines = ExpandTabs(doc).Split('\n');
        int margin = int.MaxValue;
        for (int i = 1; i < lines.Length; i++)
        {
            string content = lines[i].TrimStart();
            if (content.Length > 0)
            {
                margin = Math.Min(margin, lines[i].Length - content.Length);
            }
        }

        lines[0] = lines[0].TrimStart();
        if (margin != int.MaxValue)
        {
            for (int i = 1; i < lines.Length; i++)
            {
                lines[i] = lines[i].Length > margin ? lines[i][margin..] : string.Empty;
            }
        }

        int first = 0;
        int last = lines.Length;
        while (last > first && lines[last - 1].Length == 0)
        {
            last--;
        }

        while (first < last && lines[first].Length == 0)
        {
            first++;
        }

        return string.Join('\n', lines[first..last]);
    }

    private static string ExpandTabs(string text)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        int column = 0;
        foreach (char c in text)
        {
            if (c == '\t')
            {
                int spaces = 8 - (column % 8);
                result.Append(' ', spaces);
                column += spaces;
            }
            else
            {
                result.Append(c);
                column = c is '\n' or '\r' ? 0 : column + 1;
            }
        }

        return result.ToString();
    }
}
