using PackDaemon.Engine.Building;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Output;

/// <summary>Who built, and what the daemon knows that a one-shot build does not: the workspace generation, how many
/// archive entries were produced again, and whether nothing changed.</summary>
/// <param name="ByDaemon">False for an in-process build (<c>--no-daemon</c>, PACKD_NO_DAEMON=1 or the fallback).</param>
/// <param name="Generation">The daemon's workspace generation; 0 for an in-process build, which has none.</param>
/// <param name="ChangedEntries">Entries produced again; an in-process build produces every entry.</param>
internal sealed record BuildOrigin(bool ByDaemon, long Generation, int ChangedEntries, bool UpToDate)
{
    public static BuildOrigin InProcess(BuildResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new BuildOrigin(false, 0, result.Artifacts.Sum(a => a.Entries), false);
    }

    public static BuildOrigin FromDaemon(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BuildOrigin(true, report.Generation, report.ChangedEntries.Count, report.UpToDate);
    }
}
