namespace PackDaemon.Packaging.Selection.Flit;

internal enum PythonTokenKind
{
    Name,
    String,
    Operator,
    Other,
}

/// <summary>One token of Python source, as far as reading a module's docstring and <c>__version__</c> needs.</summary>
/// <param name="Line">1-based.</param>
/// <param name="Column">1-based.</param>
/// <param name="Depth">How many brackets are open before the token: an <c>=</c> inside a call is not an assignment.</param>
/// <param name="Value">A string literal's value, decoded as Python would; null for bytes and f-strings, whose value is
/// not a plain string constant.</param>
internal sealed record PythonToken(PythonTokenKind Kind, string Text, int Line, int Column, int Depth, string? Value = null)
{
    public bool Is(PythonTokenKind kind, string text) => Kind == kind && string.Equals(Text, text, StringComparison.Ordinal);
}
