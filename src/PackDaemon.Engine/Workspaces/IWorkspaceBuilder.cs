using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Workspaces;

/// <summary>The one thing a workspace asks of its builder, so the loop can be tested with a scripted builder.
/// <see cref="IncrementalBuilder"/> (through <see cref="IncrementalWorkspaceBuilder"/>) is the production one.</summary>
internal interface IWorkspaceBuilder : IDisposable
{
    IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken);
}
