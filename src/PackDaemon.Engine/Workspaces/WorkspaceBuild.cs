using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Workspaces;

/// <summary>A finished build of a workspace, as clients are told about it.</summary>
/// <param name="Generation">The workspace generation the build saw.</param>
/// <param name="Trigger"><c>watch</c> or <c>request</c>.</param>
public sealed record WorkspaceBuild(string Root, long Generation, string Trigger, IncrementalBuildResult Outcome, DateTimeOffset FinishedAt);
