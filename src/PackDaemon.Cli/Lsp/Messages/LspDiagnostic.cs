namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>One diagnostic as LSP publishes it.</summary>
/// <param name="Severity">1 error, 2 warning, 3 information, 4 hint.</param>
internal sealed record LspDiagnostic(LspRange Range, int Severity, string Code, string Source, string Message);
