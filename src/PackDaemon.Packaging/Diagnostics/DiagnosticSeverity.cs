namespace PackDaemon.Packaging.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}
