namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Asks for <c>didSave</c> without the text: the daemon reads the file from disk.</summary>
internal sealed record LspSaveOptions(bool IncludeText);
