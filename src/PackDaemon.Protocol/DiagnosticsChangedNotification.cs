namespace PackDaemon.Protocol;

/// <summary>Payload of <c>diagnostics/changed</c>: the complete current set for the workspace (not a delta), so a
/// client replaces what it shows.</summary>
public sealed record DiagnosticsChangedNotification(string Root, long Generation, IReadOnlyList<DiagnosticReport> Diagnostics);
