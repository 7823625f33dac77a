namespace PackDaemon.Cli.Lsp.Messages;

/// <summary><c>textDocument/publishDiagnostics</c>: the complete set for one document; an empty list clears it.</summary>
internal sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<LspDiagnostic> Diagnostics);
