namespace PackDaemon.Engine.Delegation;

/// <summary>The Python that runs a delegated build, and where packd found it (said in the mode reason).</summary>
/// <param name="Path">The executable as given or found (not resolved: a venv's python must stay the venv's).</param>
/// <param name="Source">E.g. <c>--python</c>, <c>PACKD_PYTHON</c>, <c>the project's .venv</c>, <c>python3 on PATH</c>.</param>
public sealed record PythonInterpreter(string Path, string Source)
{
    public override string ToString() => $"{Path} ({Source})";
}
