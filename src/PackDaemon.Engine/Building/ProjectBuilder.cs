using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Building;

/// <summary>
/// One build of a project, start to finish: load the configuration, select files, read/scan/hash/compress them in
/// parallel, and only when nothing reported an error, stream each artifact into a temp file and rename it into place.
/// A build with errors writes nothing, so the last good artifacts stay on disk.
/// </summary>
/// <remarks>It is the daemon's incremental build with an empty cache, nothing persisted and "everything" as the
/// hint: one code path, so a one-shot build and the daemon cannot disagree about a byte.</remarks>
public static class ProjectBuilder
{
    public static BuildResult Build(BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return BuildExecutor.Run(request, new BuildState(), ChangeHints.All, CancellationToken.None).Result;
    }
}
