namespace PackDaemon.Engine.Workspaces;

/// <summary>An explicit build of a workspace (the <c>build</c> method), as opposed to one the watcher started.</summary>
/// <param name="OutputDirectory">Absolute folder, or null for the workspace's <c>dist/</c>.</param>
public sealed record WorkspaceBuildRequest(bool Wheel, bool Sdist, string? OutputDirectory);
