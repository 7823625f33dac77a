namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Hover text; <see cref="Kind"/> is <c>markdown</c> or <c>plaintext</c>.</summary>
internal sealed record LspMarkupContent(string Kind, string Value);
