using PackDaemon.IntegrationTests.Daemon;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Faults;

/// <summary>
/// A build that failed is never reported as a success, and no change hides from the daemon: reproductions from the
/// attack campaign, each against the real daemon and its watcher.
/// </summary>
public sealed class PublishFaultTests
{
    [Fact]
    public async Task FullDisk_FailsThePublish_AndTheNextBuildPublishes_InsteadOfReportingTheOldArtifactsUpToDate()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("needs root to mount a small tmpfs as dist/ (CI runs as root)");
        }

        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(90));
        var root = scope.Temp.CopyFixture("flat");
        var dist = Path.Combine(root, "dist");
        Directory.CreateDirectory(dist);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", dist);
        try
        {
            var daemon = await scope.StartReadyAsync();
            var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);

            // Fill the disk, then save: the build must fail at publish and leave the last good artifacts.
            var filler = Path.Combine(dist, "filler");
            await RunAsync("sh", "-c", $"dd if=/dev/zero of={filler} bs=4k 2>/dev/null; sync; true");
            var module = Path.Combine(root, "flat_pkg", "cli.py");
            await EditorSave.AtomicallyAsync(module, await File.ReadAllTextAsync(module, scope.Token) + "\nPADDING = '" + new string('x', 4000) + "'\n", scope.Token);
            var failed = await workspace.NextChangedBuildAsync();
            Assert.False(failed.GetProperty("succeeded").GetBoolean(), failed.ToString());
            Assert.Contains("PD5002", failed.ToString(), StringComparison.Ordinal);

            // Room again, and no input changed: an explicit build must publish the new state, not answer "up to date".
            File.Delete(filler);
            var rebuilt = await workspace.Client.ResultAsync("build", new { root }, scope.Token);

            Assert.True(rebuilt.GetProperty("succeeded").GetBoolean(), rebuilt.ToString());
            Assert.False(rebuilt.GetProperty("upToDate").GetBoolean(), rebuilt.ToString());
            Assert.Null(await workspace.DifferenceFromCleanBuildAsync());
            Assert.Empty(Directory.GetFiles(dist, ".*.tmp"));
        }
        finally
        {
            await RunAsync("umount", "-l", dist);
        }
    }

    [Fact]
    public async Task CopyPreservingSizeAndMtime_IsStillSeen_BecauseTheStampCarriesTheCtime()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(60));
        var root = scope.Temp.CopyFixture("flat");
        var module = Path.Combine(root, "flat_pkg", "cli.py");
        var original = await File.ReadAllTextAsync(module, scope.Token);

        // An old mtime, as a checkout's files have: a file modified within the last moments is hashed anyway ("racy").
        var oldTime = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(module, oldTime);
        var daemon = await scope.StartReadyAsync();
        var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);

        // Same length, same mtime, other bytes: `cp -p` of such a file over the original, in place (same inode).
        var other = scope.Temp.Combine("other.py");
        var changed = original.Length > 0 ? (original[0] == '#' ? "\"" : "#") + original[1..] : "#";
        await File.WriteAllTextAsync(other, changed, scope.Token);
        File.SetLastWriteTimeUtc(other, oldTime);
        await RunAsync("cp", "-p", other, module);
        Assert.Equal(oldTime, File.GetLastWriteTimeUtc(module));

        await workspace.Client.ResultAsync("build", new { root }, scope.Token);
        Assert.Null(await workspace.DifferenceFromCleanBuildAsync());
    }

    [Fact]
    public async Task ProjectNameOf230Characters_BuildsThroughTheDaemon()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(60));
        var name = new string('a', 230);
        var root = scope.Temp.Combine("long");
        Directory.CreateDirectory(Path.Combine(root, name));
        await File.WriteAllTextAsync(Path.Combine(root, name, "__init__.py"), "", scope.Token);
        await File.WriteAllTextAsync(Path.Combine(root, "pyproject.toml"), $"""
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "{name}"
            version = "1.0"
            """, scope.Token);
        var daemon = await scope.StartReadyAsync();

        var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);

        Assert.True(File.Exists(Path.Combine(workspace.Dist, $"{name}-1.0-py3-none-any.whl")));
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {result}");
    }
}
