using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>
/// A project opened with <c>subscribe</c> in a real daemon, and the one question every watch scenario ends with:
/// once the daemon says it is idle with nothing pending, are the artifacts in dist/ byte for byte those of a clean
/// in-process build of the tree as it is now?
/// </summary>
internal sealed class WatchedWorkspace
{
    private readonly DaemonTestScope _scope;

    private WatchedWorkspace(DaemonTestScope scope, RpcTestClient client, string root, JsonElement firstBuild)
    {
        _scope = scope;
        Client = client;
        Root = root;
        LastBuild = firstBuild;
    }

    public RpcTestClient Client { get; }

    public string Root { get; }

    public string Dist => Path.Combine(Root, "dist");

    /// <summary>The latest <c>build/finished</c> payload seen.</summary>
    public JsonElement LastBuild { get; private set; }

    public long Generation => LastBuild.GetProperty("generation").GetInt64();

    /// <summary>Every <c>build/finished</c> seen after the first build, in order.</summary>
    public List<JsonElement> Builds { get; } = [];

    public static async Task<WatchedWorkspace> OpenAsync(DaemonTestScope scope, DaemonProcess daemon, string root)
    {
        var client = await scope.ConnectInitializedAsync(daemon);
        await client.ResultAsync("workspace/open", new { root, subscribe = true }, scope.Token);
        var first = await client.NextNotificationAsync("build/finished", _ => true, scope.Token);
        Assert.True(first.GetProperty("succeeded").GetBoolean(), $"the first build failed: {first}");
        return new WatchedWorkspace(scope, client, root, first);
    }

    /// <summary>Waits for the next build that saw a newer generation than the last one seen.</summary>
    public async Task<JsonElement> NextChangedBuildAsync()
    {
        var since = Generation;
        var build = await Client.NextNotificationAsync("build/finished", p => p.GetProperty("generation").GetInt64() > since, _scope.Token);
        Record(build);
        return build;
    }

    public async Task<JsonElement> StatusAsync()
    {
        var status = await Client.ResultAsync("status", new { }, _scope.Token);
        return status.GetProperty("workspaces").EnumerateArray()
            .First(w => w.GetProperty("root").GetString() == Root);
    }

    /// <summary>
    /// Waits, build by build, until the workspace is idle with nothing pending and dist/ equals a clean build of the
    /// current tree. Fails at the scope's deadline with the last difference seen.
    /// </summary>
    public async Task AssertConvergesToCleanBuildAsync()
    {
        while (true)
        {
            var status = await StatusAsync();
            if (status.GetProperty("state").GetString() == "idle" && status.GetProperty("pendingChanges").GetInt32() == 0)
            {
                var difference = await DifferenceFromCleanBuildAsync();
                if (difference is null)
                {
                    return;
                }
            }

            // Not there yet: the next build will say more. The deadline bounds the wait.
            var build = await Client.NextNotificationAsync("build/finished", _ => true, _scope.Token);
            Record(build);
        }
    }

    /// <returns>null when dist/ holds exactly the clean build's artifacts, else what differs.</returns>
    public async Task<string?> DifferenceFromCleanBuildAsync()
    {
        var clean = _scope.Temp.Combine("clean-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await Packd.RunAsync("build", Root, "--no-daemon", "--out", clean);
        if (result.ExitCode != 0)
        {
            return "the clean build failed: " + result.StdErr;
        }

        foreach (var expected in Directory.GetFiles(clean))
        {
            var actual = Path.Combine(Dist, Path.GetFileName(expected));
            if (!File.Exists(actual))
            {
                return $"dist/ has no {Path.GetFileName(expected)}";
            }

            if (!File.ReadAllBytes(actual).AsSpan().SequenceEqual(File.ReadAllBytes(expected)))
            {
                return $"dist/{Path.GetFileName(expected)} differs from a clean build";
            }
        }

        Directory.Delete(clean, recursive: true);
        return null;
    }

    private void Record(JsonElement build)
    {
        LastBuild = build;
        Builds.Add(build);
    }
}
