namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>Why a module's source cannot be read as Python, and where (1-based).</summary>
internal sealed record PythonSourceProblem(string Message, int Line, int Column);
