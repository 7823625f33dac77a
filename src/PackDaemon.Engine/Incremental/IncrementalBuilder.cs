using PackDaemon.Engine.Building;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Keeps one project's file index and compressed-blob cache between builds, so a rebuild re-reads and re-deflates
/// only what changed. Not thread-safe: its owner (a workspace) runs one build at a time.
/// </summary>
/// <remarks>Placeholder contract: every build is currently a clean build. The incremental graph replaces the body.</remarks>
public sealed class IncrementalBuilder(string projectRoot) : IDisposable
{
    public string ProjectRoot { get; } = projectRoot;

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hints);
        cancellationToken.ThrowIfCancellationRequested();
        _ = ProjectRoot;
        var result = ProjectBuilder.Build(request);
        return new IncrementalBuildResult(result, 0, [], false, 0);
    }

    public void Dispose()
    {
    }
}
