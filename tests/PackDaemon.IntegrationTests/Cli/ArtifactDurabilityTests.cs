using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Cli;

/// <summary>
/// Artifacts are renamed into place without an fsync, as pip and the backends do, unless PACKD_FSYNC=1 asks for one.
/// strace shows the system calls the real packd makes (scripts/prereqs.sh installs it).
/// </summary>
public sealed class ArtifactDurabilityTests
{
    [Fact]
    public async Task Build_FlushesArtifactsToDiskOnlyWhenPackdFsyncIsSet()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");

        var (plainSyncs, plainWheel) = await BuildUnderStrace(temp, project, "plain", fsync: null);
        var (durableSyncs, durableWheel) = await BuildUnderStrace(temp, project, "durable", fsync: "1");

        Assert.Equal(0, plainSyncs);
        Assert.Equal(2, durableSyncs); // the wheel and the sdist, each before its rename
        Assert.Equal(plainWheel, durableWheel);
    }

    private static async Task<(int Syncs, string WheelSha256)> BuildUnderStrace(TempDirectory temp, string project, string name, string? fsync)
    {
        string log = temp.Combine(name + ".strace");
        string output = temp.Combine(name);
        var environment = new Dictionary<string, string?>
        {
            ["PACKD_FSYNC"] = fsync,
            ["PACKD_NO_DAEMON"] = "1",
            ["SOURCE_DATE_EPOCH"] = null,
        };
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(
                "strace",
                ["-f", "-qq", "-e", "trace=fsync,fdatasync,sync_file_range", "-o", log, Packd.Executable, "build", project, "--out", output, "--json"],
                environment: environment);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("strace is needed for this test: run scripts/prereqs.sh (apt-get install strace).", ex);
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        int syncs = File.ReadLines(log).Count(line => line.Contains("sync", StringComparison.Ordinal) && line.Contains("= 0", StringComparison.Ordinal));
        return (syncs, BuiltArtifacts.Parse(result.StdOut).WheelSha256);
    }
}
