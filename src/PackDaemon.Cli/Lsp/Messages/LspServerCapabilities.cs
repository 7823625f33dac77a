namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>What <c>packd lsp</c> offers.</summary>
internal sealed record LspServerCapabilities(
    LspTextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    LspCodeLensOptions CodeLensProvider,
    LspExecuteCommandOptions ExecuteCommandProvider);
