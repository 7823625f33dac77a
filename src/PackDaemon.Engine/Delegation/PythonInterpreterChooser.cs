namespace PackDaemon.Engine.Delegation;

/// <summary>Picks the interpreter for a delegated build: <c>--python</c>, then <c>PACKD_PYTHON</c>, then the project's
/// <c>.venv/bin/python</c>, then <c>python3</c> on PATH. There is no build isolation, so the interpreter's installed
/// packages are the backend's; the project's own venv is the natural place for them.</summary>
public static class PythonInterpreterChooser
{
    public const string Variable = "PACKD_PYTHON";

    /// <param name="option">The <c>--python</c> value, or null.</param>
    /// <param name="variable">The <c>PACKD_PYTHON</c> value the caller saw, or null.</param>
    /// <param name="findOnPath">Finds an executable name on PATH; null when absent.</param>
    /// <returns>Null when none is available.</returns>
    public static PythonInterpreter? Choose(string? option, string? variable, string projectRoot, Func<string, string?> findOnPath)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        ArgumentNullException.ThrowIfNull(findOnPath);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new PythonInterpreter(Resolve(option, findOnPath), "--python");
        }

        if (!string.IsNullOrWhiteSpace(variable))
        {
            return new PythonInterpreter(Resolve(variable, findOnPath), Variable);
        }

        var venv = System.IO.Path.Combine(projectRoot, ".venv", "bin", "python");
        if (File.Exists(venv))
        {
            return new PythonInterpreter(venv, "the project's .venv");
        }

        return findOnPath("python3") is { } onPath ? new PythonInterpreter(onPath, "python3 on PATH") : null;
    }

    /// <summary>Searches PATH the way a shell does: the first folder holding an executable file of that name.</summary>
    public static string? FindOnPath(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, name);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>A bare name (<c>python3.12</c>) is looked up on PATH; a path is made absolute, since the worker
    /// runs in another folder.</summary>
    private static string Resolve(string value, Func<string, string?> findOnPath)
    {
        var trimmed = value.Trim();
        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            return findOnPath(trimmed) ?? trimmed;
        }

        return System.IO.Path.GetFullPath(trimmed);
    }
}
