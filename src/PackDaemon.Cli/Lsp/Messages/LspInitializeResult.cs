namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>The answer to the editor's <c>initialize</c>.</summary>
internal sealed record LspInitializeResult(LspServerCapabilities Capabilities, LspServerInfo ServerInfo);
