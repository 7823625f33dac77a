using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Workspaces;

/// <summary>Adapts <see cref="IncrementalBuilder"/> to <see cref="IWorkspaceBuilder"/>.</summary>
internal sealed class IncrementalWorkspaceBuilder(string root) : IWorkspaceBuilder
{
    private readonly IncrementalBuilder _builder = new(root);

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
        => _builder.Build(request, hints, cancellationToken);

    public void Dispose() => _builder.Dispose();
}
