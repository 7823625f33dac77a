using System.Text.Json;
using PackDaemon.IntegrationTests.Daemon;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Delegation;

/// <summary>A delegated project in the real daemon: watched like any other, rebuilt on save through the warm worker,
/// and a failing setup.py is a failed build the daemon survives, with dist/ keeping the last good artifacts.</summary>
public sealed class DelegatedDaemonTests
{
    private const string Pyproject = """
        [build-system]
        requires = ["setuptools", "wheel"]
        build-backend = "setuptools.build_meta"
        """;

    [Fact]
    public async Task Save_RebuildsTheDelegatedProject_AndABrokenSetupPyNeverTakesTheDaemonDown()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(150));
        var root = scope.Temp.CopyFixture("delegate-setuppy");
        File.WriteAllText(Path.Combine(root, "pyproject.toml"), Pyproject);
        var daemon = await scope.StartReadyAsync(DebianPython.Environment());
        var workspace = await WatchedWorkspace.OpenAsync(scope, daemon, root);
        Assert.Equal("delegated:setuptools.build_meta", workspace.LastBuild.GetProperty("mode").GetString());
        Assert.Contains("computed_pkg-2.5.1-py3-none-any.whl", ArtifactNames(workspace.LastBuild));

        // Saved as editors save: a truncate-then-write left an empty setup.py on disk for a moment, and on a loaded
        // machine the daemon once built that state first (setuptools: "No distribution was found").
        // A save of a module setup.py imports: the warm worker must see the new value, not its cached module.
        await EditorSave.AtomicallyAsync(Path.Combine(root, "computed_pkg", "_parts.py"), "MAJOR = 2\nMINOR = 5\nPATCH = 3\n", scope.Token);
        var rebuilt = await workspace.NextChangedBuildAsync();

        Assert.True(rebuilt.GetProperty("succeeded").GetBoolean(), rebuilt.ToString());
        Assert.Contains("computed_pkg-2.5.4-py3-none-any.whl", ArtifactNames(rebuilt));
        Assert.True(File.Exists(Path.Combine(workspace.Dist, "computed_pkg-2.5.4-py3-none-any.whl")));
        var status = await workspace.StatusAsync();
        var artifact = status.GetProperty("lastBuild").GetProperty("artifacts")[0];
        Assert.Equal("delegated:setuptools.build_meta", artifact.GetProperty("mode").GetString());
        Assert.Contains("setup.py runs code", artifact.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Break setup.py: a failed build with the traceback, the daemon still serving, the last good wheel kept.
        var setupPy = Path.Combine(root, "setup.py");
        var original = await File.ReadAllTextAsync(setupPy, scope.Token);
        var goodWheel = await File.ReadAllBytesAsync(Path.Combine(workspace.Dist, "computed_pkg-2.5.4-py3-none-any.whl"), scope.Token);
        await EditorSave.AtomicallyAsync(setupPy, original.Replace("def read_version():\n", "def read_version():\n    raise ValueError(\"no version today\")\n", StringComparison.Ordinal), scope.Token);
        var failed = await workspace.NextChangedBuildAsync();

        Assert.False(failed.GetProperty("succeeded").GetBoolean(), failed.ToString());
        var error = failed.GetProperty("diagnostics")[0];
        Assert.Equal("PD6003", error.GetProperty("code").GetString());
        Assert.Contains("ValueError: no version today", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(goodWheel, await File.ReadAllBytesAsync(Path.Combine(workspace.Dist, "computed_pkg-2.5.4-py3-none-any.whl"), scope.Token));
        Assert.False(daemon.Process.HasExited);

        // Fixed again: the next save builds.
        await EditorSave.AtomicallyAsync(setupPy, original, scope.Token);
        var recovered = await workspace.NextChangedBuildAsync();
        Assert.True(recovered.GetProperty("succeeded").GetBoolean(), recovered.ToString());
    }

    private static List<string> ArtifactNames(JsonElement build)
        => [.. build.GetProperty("artifacts").EnumerateArray().Select(a => Path.GetFileName(a.GetProperty("path").GetString()!))];
}
