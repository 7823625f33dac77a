namespace PackDaemon.Protocol;

/// <summary><c>workspace/open</c> and <c>workspace/close</c>.</summary>
/// <param name="Root">Absolute path of the folder holding pyproject.toml.</param>
/// <param name="Subscribe">Open only: send this connection <c>build/*</c> and <c>diagnostics/changed</c> notifications for it.</param>
public sealed record WorkspaceParams(string Root, bool Subscribe = false);
