namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>Stops <see cref="PythonStatementReader"/> at the first problem; never escapes it.</summary>
internal sealed class PythonSourceException : Exception
{
    public PythonSourceException()
    {
        Problem = new PythonSourceProblem("unreadable source", 1, 1);
    }

    public PythonSourceException(string message)
        : base(message)
    {
        Problem = new PythonSourceProblem(message, 1, 1);
    }

    public PythonSourceException(string message, Exception inner)
        : base(message, inner)
    {
        Problem = new PythonSourceProblem(message, 1, 1);
    }

    public PythonSourceException(PythonSourceProblem problem)
        : base(problem?.Message)
    {
        Problem = problem!;
    }

    public PythonSourceProblem Problem { get; }
}
