namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>An LSP position: 0-based line and 0-based character offset in UTF-16 code units (the LSP default
/// encoding, which is also what a .NET string index counts).</summary>
internal sealed record LspPosition(int Line, int Character);
