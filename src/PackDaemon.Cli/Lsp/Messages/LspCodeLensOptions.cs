namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Code lenses are complete when returned; there is nothing to resolve later.</summary>
internal sealed record LspCodeLensOptions(bool ResolveProvider);
