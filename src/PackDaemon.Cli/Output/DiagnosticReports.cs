using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Output;

/// <summary>Turns the daemon's diagnostics back into the CLI's own, so a build through the daemon prints exactly what
/// an in-process build prints.</summary>
internal static class DiagnosticReports
{
    public static IReadOnlyList<Diagnostic> ToDiagnostics(IReadOnlyList<DiagnosticReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return [.. reports.Select(r => new Diagnostic(r.Code, ParseSeverity(r.Severity), r.Message, r.File, r.Line, r.Column, r.Fix))];
    }

    private static DiagnosticSeverity ParseSeverity(string severity) => severity switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
