namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>The result of <c>textDocument/hover</c>.</summary>
internal sealed record LspHover(LspMarkupContent Contents, LspRange? Range);
