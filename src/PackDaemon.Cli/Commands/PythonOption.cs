using System.CommandLine;

namespace PackDaemon.Cli.Commands;

/// <summary><c>--python</c>: the interpreter for a delegated build, shared by the commands that build.</summary>
internal static class PythonOption
{
    public static Option<string?> Create() => new("--python")
    {
        Description = "Python for a project built by its own backend (delegated). Default: PACKD_PYTHON, then DIR/.venv/bin/python, then python3 on PATH.",
    };
}
