using System.Text;
using System.Text.RegularExpressions;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Engine.Delegation;

/// <summary>Turns a failed worker call into one build error that carries the backend's own words (its traceback and
/// the tail of its output), placed at the project file the traceback points into when there is one.</summary>
internal static partial class DelegateDiagnostics
{
    private const string Pyproject = "pyproject.toml";

    public static Diagnostic From(WorkerReply reply, string backend, PythonInterpreter interpreter, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (backend.StartsWith("setuptools.", StringComparison.Ordinal) && File.Exists(Path.Combine(projectRoot, "setup.py")))
        {
            // setuptools exec()s setup.py's text, so its frames say "<string>": name the file the user must open.
            reply = reply with { Traceback = reply.Traceback?.Replace("File \"<string>\"", "File \"setup.py\"", StringComparison.Ordinal) };
        }

        return reply.Kind switch
        {
            "backend-missing" => BackendMissing(reply, backend, interpreter),
            "no-interpreter" => new Diagnostic(DiagnosticCodes.DelegateNoInterpreter, DiagnosticSeverity.Error,
                $"This project is built by its own backend `{backend}`, but {reply.Message}" + Details(reply), null, 0, 0,
                "Install Python 3, or name an interpreter with --python or PACKD_PYTHON."),
            "timeout" => Located(DiagnosticCodes.DelegateTimedOut, reply, projectRoot,
                $"`{backend}` timed out. {reply.Message}" + Details(reply),
                "Find what the build waits for (network, input, a lock); raise [tool.packd] delegate-timeout if it is just slow."),
            "worker-died" => Located(DiagnosticCodes.DelegateWorkerDied, reply, projectRoot,
                $"`{backend}` stopped the build worker. {reply.Message}" + Details(reply),
                "Check the backend's output above; a setup.py must not exit the interpreter. The next build starts a fresh worker."),
            _ => Located(DiagnosticCodes.DelegateHookFailed, reply, projectRoot,
                $"`{backend}` failed: {reply.Message}" + Details(reply),
                "Fix the error in the traceback; running the backend alone (python -m build, or pip wheel .) shows the same failure."),
        };
    }

    /// <summary>The Debian package and the pip distribution providing a backend's top-level module.</summary>
    public static (string Debian, string Pip) PackageFor(string module)
    {
        var top = module.Split('.')[0];
        return top switch
        {
            "setuptools" => ("python3-setuptools", "setuptools"),
            "wheel" => ("python3-wheel", "wheel"),
            "hatchling" => ("python3-hatchling", "hatchling"),
            "flit_core" => ("flit", "flit-core"),
            "poetry" => ("python3-poetry-core", "poetry-core"),
            "pdm" => ("(none)", "pdm-backend"),
            "uv_build" => ("(none)", "uv-build"),
            _ => ($"python3-{top.Replace('_', '-')}", top.Replace('_', '-')),
        };
    }

    private static Diagnostic BackendMissing(WorkerReply reply, string backend, PythonInterpreter interpreter)
    {
        var module = reply.Missing ?? backend.Split(':')[0];
        var (debian, pip) = PackageFor(module);
        var debianHint = debian == "(none)" ? "" : $"`apt-get install {debian}` on Debian/Ubuntu, or ";
        return new Diagnostic(
            DiagnosticCodes.DelegateBackendMissing,
            DiagnosticSeverity.Error,
            $"The build backend `{backend}` cannot be imported by {interpreter}: no module named `{module}`. "
            + "packd runs the backend without build isolation, in that interpreter." + Details(reply with { Traceback = null }),
            Pyproject,
            0,
            0,
            $"Install `{pip}` into that interpreter: {debianHint}`{interpreter.Path} -m pip install {pip}`; or choose another interpreter with --python or PACKD_PYTHON.");
    }

    private static Diagnostic Located(string code, WorkerReply reply, string projectRoot, string message, string fix)
    {
        var (file, line) = LastProjectFrame(reply.Traceback ?? reply.Output, projectRoot);
        return new Diagnostic(code, DiagnosticSeverity.Error, message, file, line, 0, fix);
    }

    /// <summary>The innermost traceback frame inside the project (setup.py, hatch_build.py): where to look first.</summary>
    internal static (string? File, int Line) LastProjectFrame(string text, string projectRoot)
    {
        string? file = null;
        var line = 0;
        var root = Path.TrimEndingDirectorySeparator(projectRoot) + "/";
        foreach (Match match in TracebackFrame().Matches(text))
        {
            var path = match.Groups["path"].Value;
            if (path.StartsWith(root, StringComparison.Ordinal) && int.TryParse(match.Groups["line"].Value, out var number))
            {
                file = path[root.Length..];
                line = number;
            }
            else if (!Path.IsPathRooted(path) && path.EndsWith(".py", StringComparison.Ordinal) && int.TryParse(match.Groups["line"].Value, out var relativeNumber))
            {
                // setuptools runs setup.py as "setup.py", relative to the project folder.
                file = path.TrimStart('.', '/');
                line = relativeNumber;
            }
        }

        return (file, line);
    }

    private static string Details(WorkerReply reply)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Traceback))
        {
            text.Append("\n--- traceback ---\n").Append(reply.Traceback.TrimEnd());
        }

        if (!string.IsNullOrWhiteSpace(reply.Output))
        {
            text.Append("\n--- backend output (last lines) ---\n").Append(reply.Output.TrimEnd());
        }

        return text.ToString();
    }

    [GeneratedRegex("""File "(?<path>[^"]+)", line (?<line>[0-9]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex TracebackFrame();
}
