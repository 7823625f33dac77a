namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>An LSP range; <see cref="End"/> is exclusive.</summary>
internal sealed record LspRange(LspPosition Start, LspPosition End);
