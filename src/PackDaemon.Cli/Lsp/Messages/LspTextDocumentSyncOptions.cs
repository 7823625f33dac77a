namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Open/close and full-text changes (kind 1): the documents are small, and full sync cannot drift.</summary>
internal sealed record LspTextDocumentSyncOptions(bool OpenClose, int Change, LspSaveOptions Save);
