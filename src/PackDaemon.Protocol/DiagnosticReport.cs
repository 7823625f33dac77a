namespace PackDaemon.Protocol;

/// <summary>One finding about the user's input.</summary>
/// <param name="Code">Stable code such as <c>PD1001</c>.</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="File">Path relative to the project root with <c>/</c> separators, or null for the project as a whole.</param>
/// <param name="Line">1-based; 0 when unknown.</param>
/// <param name="Column">1-based; 0 when unknown.</param>
public sealed record DiagnosticReport(string Code, string Severity, string Message, string? File, int Line, int Column, string? Fix);
