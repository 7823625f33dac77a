using System.Text;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Engine.Delegation;

/// <summary>Turns a failed evaluation into one build error: what was evaluated and why, the module's own traceback
/// tail, the project file it points into, and the fix.</summary>
internal static class EvaluationDiagnostics
{
    public static string BackendOf(ValueEvaluationRequest request)
        => request.Convention == ValueConvention.Flit ? "flit_core" : "setuptools";

    public static Diagnostic NoInterpreter(ValueEvaluationRequest request, string? detail = null)
        => new(DiagnosticCodes.EvaluationNoInterpreter, DiagnosticSeverity.Error,
            $"{Context(request)}; packd asks Python for that one value, but "
            + (detail ?? "no Python was found: no --python, no PACKD_PYTHON, no .venv/bin/python in the project and no python3 on PATH."),
            request.ModuleFile, 0, 0,
            $"Name an interpreter with --python or PACKD_PYTHON (any Python 3.8+ that can import `{request.ModuleName}`), or assign a literal `{request.Attribute} = \"1.2.0\"`.");

    public static Diagnostic From(WorkerReply reply, ValueEvaluationRequest request, PythonInterpreter interpreter, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (file, line) = DelegateDiagnostics.LastProjectFrame(reply.Traceback ?? "", projectRoot);
        file ??= request.ModuleFile;
        return reply.Kind switch
        {
            "no-interpreter" => NoInterpreter(request, reply.Message + Details(reply)),
            "timeout" => new Diagnostic(DiagnosticCodes.EvaluationTimedOut, DiagnosticSeverity.Error,
                $"{Context(request)}; {reply.Message} ({interpreter})" + Details(reply), file, line, 0,
                "Find what the module waits for at import time (network, input, a lock); a version must not need them. PACKD_DELEGATE_TIMEOUT raises the limit."),
            "evaluation-failed" => new Diagnostic(DiagnosticCodes.EvaluationFailed, DiagnosticSeverity.Error,
                $"{Context(request)}, and importing it with {interpreter.Path} failed: {reply.Message}" + Details(reply), file, line, 0,
                $"Fix the error in the traceback ({BackendOf(request)} itself would fail the same way), or assign a literal `{request.Attribute} = \"1.2.0\"` in `{request.ModuleFile}`."),
            _ => new Diagnostic(DiagnosticCodes.EvaluationWorkerDied, DiagnosticSeverity.Error,
                $"{Context(request)}; packd's Python worker stopped while importing it: {reply.Message}" + Details(reply), file, line, 0,
                "A module must not exit the interpreter at import time; the next build starts a fresh worker."),
        };
    }

    private static string Context(ValueEvaluationRequest request)
        => $"`{request.What}` comes from `{request.Expression}`, which {BackendOf(request)} computes by importing `{request.ModuleFile}`";

    private static string Details(WorkerReply reply)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(reply.Traceback))
        {
            text.Append("\n--- traceback ---\n").Append(reply.Traceback.TrimEnd());
        }

        if (!string.IsNullOrWhiteSpace(reply.Output))
        {
            text.Append("\n--- output (last lines) ---\n").Append(reply.Output.TrimEnd());
        }

        return text.ToString();
    }
}
