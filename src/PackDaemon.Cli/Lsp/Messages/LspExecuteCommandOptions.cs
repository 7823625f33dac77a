namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>The commands <c>workspace/executeCommand</c> accepts.</summary>
internal sealed record LspExecuteCommandOptions(IReadOnlyList<string> Commands);
