namespace PackDaemon.Protocol;

/// <summary><c>build</c>: bring the artifacts of one project up to date and return them. The workspace is opened
/// for the duration of the call when the connection does not hold it already.</summary>
/// <param name="Root">Absolute path of the folder holding pyproject.toml.</param>
/// <param name="OutputDirectory">Absolute folder for the artifacts; null means <c>dist/</c> under the root.</param>
/// <param name="Python">Optional: the client's <c>--python</c>, the interpreter for a delegated build.</param>
/// <param name="PythonVariable">Optional: the client's <c>PACKD_PYTHON</c> (the daemon's own environment is not the user's).</param>
public sealed record BuildParams(string Root, bool Wheel = true, bool Sdist = true, string? OutputDirectory = null, string? Python = null, string? PythonVariable = null);
