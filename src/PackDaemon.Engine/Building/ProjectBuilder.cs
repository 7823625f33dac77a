using PackDaemon.Engine.Delegation;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Delegation;

namespace PackDaemon.Engine.Building;

/// <summary>
/// One build of a project, start to finish: load the configuration, select files, read/scan/hash/compress them in
/// parallel, and only when nothing reported an error, stream each artifact into a temp file and rename it into place.
/// A build with errors writes nothing, so the last good artifacts stay on disk.
/// </summary>
/// <remarks>It is the daemon's incremental build with an empty cache, nothing persisted and "everything" as the
/// hint: one code path, so a one-shot build and the daemon cannot disagree about a byte. A project that needs its own
/// backend (<see cref="BuildModeDecider"/>) is built by a <see cref="DelegatedBuilder"/> whose worker lives for this
/// build only.</remarks>
public static class ProjectBuilder
{
    public static BuildResult Build(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var decision = BuildModeDecider.Decide(request.ProjectRoot);
        if (decision.Delegated)
        {
            using var delegated = new DelegatedBuilder(request.ProjectRoot);
            return delegated.Build(request, decision, CancellationToken.None);
        }

        // A hybrid build's worker lives for this build only, like a delegated one.
        using var evaluator = new WorkerValueEvaluator(request.ProjectRoot);
        var outcome = BuildExecutor.Run(request, BuildState.ForOneBuild(), ChangeHints.All, CancellationToken.None, evaluator.For(request, CancellationToken.None));
        return BuildModes.TagNative(outcome.Result, decision);
    }
}
