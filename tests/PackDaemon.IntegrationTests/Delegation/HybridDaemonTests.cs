using System.Text.Json;
using PackDaemon.IntegrationTests.Daemon;

namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>A hybrid project in the real daemon: a save of the module computing the version rebuilds with the new
/// version, a save elsewhere answers the version from the cache (no import: the module's own log says so), and a module
/// that raises is a failed build the daemon survives, keeping the last good wheel.</summary>
public sealed class HybridDaemonTests
{
    [Fact]
    public async Task Save_ReevaluatesOnlyWhenTheModuleChanges_AndARaisingModuleNeverTakesTheDaemonDown()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(150));
        var root = scope.Temp.CopyFixture("hybrid-version");
        var log = scope.Temp.Combine("evaluations.log");
        var daemon = await scope.StartReadyAsync(DebianPython.Environment(("HYBRID_EVALUATION_LOG", log)));
        var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);
        Assert.Equal("native+evaluated:version", workspace.LastBuild.GetProperty("mode").GetString());
        Assert.Contains("hybrid_version-1.4.2-py3-none-any.whl", ArtifactNames(workspace.LastBuild));
        Assert.Equal(["1.4.2"], await File.ReadAllLinesAsync(log, scope.Token));

        // A module the version depends on: the warm worker imports the new code, not its cached module.
        var parts = Path.Combine(root, "hybrid_version", "_parts.py");
        await File.WriteAllTextAsync(parts, "VERSION = (1, 4, 3)\n", scope.Token);
        var rebuilt = await workspace.NextChangedBuildAsync();

        Assert.True(rebuilt.GetProperty("succeeded").GetBoolean(), rebuilt.ToString());
        Assert.Contains("hybrid_version-1.4.3-py3-none-any.whl", ArtifactNames(rebuilt));
        Assert.Contains("\nVersion: 1.4.3\n",
            HybridBuildTests.ReadEntry(Path.Combine(workspace.Dist, "hybrid_version-1.4.3-py3-none-any.whl"), "hybrid_version-1.4.3.dist-info/METADATA"),
            StringComparison.Ordinal);
        Assert.Equal(["1.4.2", "1.4.3"], await File.ReadAllLinesAsync(log, scope.Token));

        // The readme is a metadata input too (the project loads again), but no file the version depends on moved.
        await File.WriteAllTextAsync(Path.Combine(root, "README.md"), "# hybrid-version\n\nEdited.\n", scope.Token);
        var readmeBuild = await workspace.NextChangedBuildAsync();

        Assert.True(readmeBuild.GetProperty("succeeded").GetBoolean(), readmeBuild.ToString());
        Assert.Equal("native+evaluated:version", readmeBuild.GetProperty("mode").GetString());
        Assert.Contains("Edited.",
            HybridBuildTests.ReadEntry(Path.Combine(workspace.Dist, "hybrid_version-1.4.3-py3-none-any.whl"), "hybrid_version-1.4.3.dist-info/METADATA"),
            StringComparison.Ordinal);
        Assert.Equal(["1.4.2", "1.4.3"], await File.ReadAllLinesAsync(log, scope.Token));
        var status = await workspace.StatusAsync();
        var artifact = status.GetProperty("lastBuild").GetProperty("artifacts")[0];
        Assert.Equal("native+evaluated:version", artifact.GetProperty("mode").GetString());
        Assert.Contains("hybrid_version.__version__ is computed by code", artifact.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // A module that raises: a failed build with the traceback, the daemon still serving, the last good wheel kept.
        var goodWheel = await File.ReadAllBytesAsync(Path.Combine(workspace.Dist, "hybrid_version-1.4.3-py3-none-any.whl"), scope.Token);
        await File.WriteAllTextAsync(parts, "VERSION = (1, 4, 3)\nraise ValueError(\"no version today\")\n", scope.Token);
        var failed = await workspace.NextChangedBuildAsync();

        Assert.False(failed.GetProperty("succeeded").GetBoolean(), failed.ToString());
        var error = failed.GetProperty("diagnostics")[0];
        Assert.Equal("PD6010", error.GetProperty("code").GetString());
        Assert.Equal("hybrid_version/_parts.py", error.GetProperty("file").GetString());
        Assert.Contains("ValueError: no version today", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(goodWheel, await File.ReadAllBytesAsync(Path.Combine(workspace.Dist, "hybrid_version-1.4.3-py3-none-any.whl"), scope.Token));
        Assert.False(daemon.Process.HasExited);

        // Fixed again: the next save builds, and imports once more (a failure is never cached).
        await File.WriteAllTextAsync(parts, "VERSION = (1, 5)\n", scope.Token);
        var recovered = await workspace.NextChangedBuildAsync();
        Assert.True(recovered.GetProperty("succeeded").GetBoolean(), recovered.ToString());
        Assert.Contains("hybrid_version-1.5-py3-none-any.whl", ArtifactNames(recovered));
    }

    private static List<string> ArtifactNames(JsonElement build)
        => [.. build.GetProperty("artifacts").EnumerateArray().Select(a => Path.GetFileName(a.GetProperty("path").GetString()!))];
}
