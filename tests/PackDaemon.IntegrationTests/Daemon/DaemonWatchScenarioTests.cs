using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>
/// What a developer does to a watched tree, against the real daemon process, its socket and its watcher: each
/// scenario ends with dist/ byte-identical to a clean in-process build of the tree as it then is.
/// </summary>
public sealed class DaemonWatchScenarioTests
{
    private const string Module = "flask_app/cli.py";

    [Fact]
    public async Task Save_RebuildsTheWheel_OnlyTheEditedEntry_IdenticalToACleanBuild()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(90));
        var root = scope.Temp.CopyFixture("flask-app");
        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);

        await File.AppendAllTextAsync(Path.Combine(root, Module), "\nEDITED = True\n", scope.Token);
        var build = await workspace.NextChangedBuildAsync();

        Assert.True(build.GetProperty("succeeded").GetBoolean(), build.ToString());
        Assert.False(build.GetProperty("upToDate").GetBoolean());
        Assert.Contains(Module, build.GetProperty("changedEntries").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("flask_app/static/css/app.css", build.GetProperty("changedEntries").EnumerateArray().Select(e => e.GetString()));
        await workspace.AssertConvergesToCleanBuildAsync();
    }

    [Fact]
    public async Task AtomicSave_WriteTempThenRenameOver_IsAChangeOfTheFile_NeverAFailedBuild()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(90));
        var root = scope.Temp.CopyFixture("flask-app");
        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);

        // What editors do: write the new content beside the file, then rename it over the original.
        await EditorSave.AtomicallyAsync(Path.Combine(root, Module), "ATOMIC = 1\n", scope.Token);

        var build = await workspace.NextChangedBuildAsync();
        await workspace.AssertConvergesToCleanBuildAsync();
        Assert.All(workspace.Builds, b => Assert.True(b.GetProperty("succeeded").GetBoolean(), b.ToString()));
        Assert.Contains(Module, build.GetProperty("changedEntries").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task BurstOf5000NewFiles_EndsInAWheelHoldingEveryOne()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(180));
        var root = scope.Temp.CopyFixture("flask-app");
        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);
        var entriesBefore = WheelEntries(workspace.LastBuild);

        // Created in nested folders as fast as possible: events inside a new folder can precede its watch.
        for (var i = 0; i < 5000; i++)
        {
            var folder = Path.Combine(root, "flask_app", "generated", $"g{i / 500:D2}");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"m{i:D4}.py"), $"VALUE = {i}\n", scope.Token);
        }

        await workspace.AssertConvergesToCleanBuildAsync();
        Assert.Equal(entriesBefore + 5000, WheelEntries(workspace.LastBuild));
        Assert.All(workspace.Builds, b => Assert.True(b.GetProperty("succeeded").GetBoolean(), b.ToString()));
    }

    [Fact]
    public async Task GitCheckout_BetweenTwoBranches_EndsInTheCheckedOutTreesWheel()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(180));
        var root = scope.Temp.CopyFixture("flask-app");
        await GitAsync(root, "init", "-q", "-b", "main");
        await GitAsync(root, "add", "-A");
        await GitAsync(root, "commit", "-q", "-m", "main");
        await GitAsync(root, "checkout", "-q", "-b", "feature");
        for (var i = 0; i < 300; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "flask_app", $"feature_{i:D3}.py"), $"F = {i}\n", scope.Token);
        }

        File.Delete(Path.Combine(root, "flask_app", "queries", "list_items.sql"));
        await File.AppendAllTextAsync(Path.Combine(root, "flask_app", "templates", "base.html"), "<!-- feature -->\n", scope.Token);
        await GitAsync(root, "add", "-A");
        await GitAsync(root, "commit", "-q", "-m", "feature");
        await GitAsync(root, "checkout", "-q", "main");

        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);
        await GitAsync(root, "checkout", "-q", "feature");
        await workspace.AssertConvergesToCleanBuildAsync();
        Assert.Contains(workspace.LastBuild.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("entries").GetInt32() > 300);

        await GitAsync(root, "checkout", "-q", "main");
        await workspace.AssertConvergesToCleanBuildAsync();
        Assert.All(workspace.Builds, b => Assert.True(b.GetProperty("succeeded").GetBoolean(), b.ToString()));
    }

    [Fact]
    public async Task ForcedRescan_IsCounted_AndRewritesNothingWhenNothingChanged()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(90));
        var root = scope.Temp.CopyFixture("flask-app");
        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);
        var wheel = workspace.LastBuild.GetProperty("artifacts").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "wheel").GetProperty("path").GetString()!;
        var before = File.GetLastWriteTimeUtc(wheel);
        var rescansBefore = (await workspace.StatusAsync()).GetProperty("rescans").GetInt32();

        var status = await workspace.Client.ResultAsync("workspace/rescan", new { root }, scope.Token);
        Assert.Equal(root, status.GetProperty("root").GetString());
        var build = await workspace.Client.NextNotificationAsync("build/finished", _ => true, scope.Token);

        Assert.True(build.GetProperty("upToDate").GetBoolean(), build.ToString());
        Assert.Equal(before, File.GetLastWriteTimeUtc(wheel));
        Assert.True((await workspace.StatusAsync()).GetProperty("rescans").GetInt32() > rescansBefore);
    }

    [Fact]
    public async Task Kill9MidBuild_LeavesOnlyCompleteArtifacts_AndTheNextDaemonBuildsCorrectly()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(180));
        var root = scope.Temp.CopyFixture("flask-app");
        GenerateBulk(root, files: 1500, bytesEach: 16 * 1024);
        var first = await scope.StartReadyAsync();
        var client = await scope.ConnectInitializedAsync(first);
        await client.ResultAsync("workspace/open", new { root, subscribe = true }, scope.Token);
        await client.NextNotificationAsync("build/started", _ => true, scope.Token);
        first.Process.Kill();
        await first.Process.WaitForExitAsync(scope.Token);

        AssertDistHoldsOnlyCompleteArtifacts(root);

        // A later daemon finds whatever the first left (cache, temp files) and must still build the right bytes.
        await using var secondClient = await scope.ConnectInitializedAsync(await scope.StartReadyAsync());
        var report = await secondClient.ResultAsync("build", new { root }, scope.Token);
        Assert.True(report.GetProperty("succeeded").GetBoolean(), report.ToString());
        Assert.Empty(Directory.GetFiles(Path.Combine(root, "dist"), ".*.tmp"));
        AssertDistHoldsOnlyCompleteArtifacts(root);
        var clean = scope.Temp.Combine("clean");
        Assert.Equal(0, (await Packd.RunAsync("build", root, "--no-daemon", "--out", clean)).ExitCode);
        foreach (var expected in Directory.GetFiles(clean))
        {
            Assert.Equal(File.ReadAllBytes(expected), File.ReadAllBytes(Path.Combine(root, "dist", Path.GetFileName(expected))));
        }
    }

    private static int WheelEntries(JsonElement build) => build.GetProperty("artifacts").EnumerateArray()
        .First(a => a.GetProperty("kind").GetString() == "wheel").GetProperty("entries").GetInt32();

    private static void GenerateBulk(string root, int files, int bytesEach)
    {
        var random = new Random(7);
        var folder = Path.Combine(root, "flask_app", "static", "bulk");
        Directory.CreateDirectory(folder);
        var buffer = new byte[bytesEach];
        for (var i = 0; i < files; i++)
        {
            random.NextBytes(buffer);
            File.WriteAllBytes(Path.Combine(folder, $"blob{i:D4}.bin"), buffer);
        }
    }

    /// <summary>Every visible file in dist/ opens completely as what its name says; hidden temp files are not artifacts.</summary>
    private static void AssertDistHoldsOnlyCompleteArtifacts(string root)
    {
        var dist = Path.Combine(root, "dist");
        if (!Directory.Exists(dist))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(dist).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            if (file.EndsWith(".whl", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(file);
                Assert.Contains(zip.Entries, e => e.FullName.EndsWith(".dist-info/RECORD", StringComparison.Ordinal));
                foreach (var entry in zip.Entries)
                {
                    using var stream = entry.Open();
                    stream.CopyTo(Stream.Null);
                }
            }
            else if (file.EndsWith(".tar.gz", StringComparison.Ordinal))
            {
                using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
                using var tar = new TarReader(gzip);
                while (tar.GetNextEntry() is { } entry)
                {
                    entry.DataStream?.CopyTo(Stream.Null);
                }
            }
            else
            {
                Assert.Fail($"dist/ holds an unexpected file: {file}");
            }
        }
    }

    private static async Task GitAsync(string root, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.com",
            ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.com",
        };
        var result = await ProcessRunner.RunAsync("git", arguments, root, environment);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result}");
    }
}
