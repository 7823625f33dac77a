namespace PackDaemon.Cli.Lsp.Messages;

/// <summary><c>window/showMessage</c> and <c>window/logMessage</c>.</summary>
/// <param name="Type">1 error, 2 warning, 3 info, 4 log.</param>
internal sealed record LspMessageParams(int Type, string Message);
