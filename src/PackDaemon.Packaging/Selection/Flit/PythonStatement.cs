namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>One statement of a module: a simple statement, or a whole compound one (<c>if</c>, <c>def</c>, <c>try</c> ...)
/// with its header line; indented lines are statements that are not top level.</summary>
/// <param name="TopLevel">It starts in column 1: a statement of the module's own body, as Python's AST lists them.</param>
/// <param name="Compound">A block header or a one-line block: nothing in it is a module-level assignment.</param>
internal sealed record PythonStatement(IReadOnlyList<PythonToken> Tokens, bool TopLevel, bool Compound);
