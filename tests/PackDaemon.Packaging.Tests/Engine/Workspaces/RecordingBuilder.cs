using System.Collections.Concurrent;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>The production builder, recording the hints of every call. Until IncrementalBuilder reports real changed
/// files (its placeholder reports none), a hinted file that exists counts as changed, so generations can be asserted.</summary>
internal sealed class RecordingBuilder(string root) : IWorkspaceBuilder
{
    private readonly IncrementalWorkspaceBuilder _inner = new(root);

    public ConcurrentQueue<ChangeHints> Calls { get; } = new();

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        Calls.Enqueue(hints);
        var outcome = _inner.Build(request, hints, cancellationToken);
        if (outcome.ChangedFiles > 0)
        {
            return outcome;
        }

        var hintedFiles = hints.RelativePaths.Count(path => File.Exists(Path.Combine(root, path)));
        return outcome with { ChangedFiles = hintedFiles };
    }

    public void Dispose() => _inner.Dispose();
}
