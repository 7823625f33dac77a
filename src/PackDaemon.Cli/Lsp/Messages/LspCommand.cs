namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>A command an editor can run through <c>workspace/executeCommand</c>; a code lens shows its title.</summary>
internal sealed record LspCommand(string Title, string Command, IReadOnlyList<string>? Arguments);
