namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Who answers <c>initialize</c>.</summary>
internal sealed record LspServerInfo(string Name, string Version);
