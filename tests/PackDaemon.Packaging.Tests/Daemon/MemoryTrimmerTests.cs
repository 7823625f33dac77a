using PackDaemon.Daemon.Lifetime;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class MemoryTrimmerTests
{
    [Fact]
    public void LargeBuild_TrimsOnce_OffTheCallersThread()
    {
        var trimmer = new MemoryTrimmer();

        trimmer.OnBuildFinished(Build(totalMs: (long)MemoryTrimmer.LargeBuild.TotalMilliseconds + 100));

        Assert.True(SpinWait.SpinUntil(() => trimmer.Trims == 1, TimeSpan.FromSeconds(30)), "no collection ran after a large build");
    }

    [Fact]
    public void SaveSizedBuilds_NeverTrim()
    {
        var trimmer = new MemoryTrimmer();

        for (int i = 0; i < 20; i++)
        {
            trimmer.OnBuildFinished(Build(totalMs: 40));
        }

        // Then a large one: its trim is the first and only one, so none was queued by the small builds before it.
        trimmer.OnBuildFinished(Build(totalMs: 5_000));
        Assert.True(SpinWait.SpinUntil(() => trimmer.Trims == 1, TimeSpan.FromSeconds(30)), "no collection ran after a large build");
        Assert.Equal(1, trimmer.Trims);
    }

    private static WorkspaceBuild Build(long totalMs)
    {
        var result = new BuildResult(true, [], [], ["app"], new PhaseTimings(0, 0, 0, 0, 0, totalMs));
        return new WorkspaceBuild("/p/app", 1, "watch", new IncrementalBuildResult(result, 1, [], false, 0), DateTimeOffset.UnixEpoch);
    }
}
