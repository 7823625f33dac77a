namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>One code lens: a line of text above <see cref="Range"/> that runs <see cref="Command"/> when clicked.</summary>
internal sealed record LspCodeLens(LspRange Range, LspCommand? Command);
