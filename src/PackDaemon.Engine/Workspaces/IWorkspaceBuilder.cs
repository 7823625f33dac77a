using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Workspaces;

/// <summary>The one thing a workspace asks of its builder, so the loop can be tested with a scripted builder.
/// <see cref="ModeChoosingWorkspaceBuilder"/> is the production one: <see cref="IncrementalBuilder"/>, or the project's own
/// backend when it must be delegated.</summary>
internal interface IWorkspaceBuilder : IDisposable
{
    IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken);
}
