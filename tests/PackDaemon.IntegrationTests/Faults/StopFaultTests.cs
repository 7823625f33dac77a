using System.Diagnostics;
using PackDaemon.IntegrationTests.Daemon;
using PackDaemon.IntegrationTests.Delegation;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Faults;

/// <summary><c>packd stop</c> ends the daemon within a bounded time whatever a build is doing: a hung build once left it
/// "shutting down", refusing all work, until kill -9.</summary>
public sealed class StopFaultTests
{
    [Fact]
    public async Task Stop_WhileABackendHangs_EndsTheDaemonAfterTheGrace_NotWhenTheBuildEnds()
    {
        await using var scope = new DaemonTestScope(TimeSpan.FromSeconds(120));
        var project = scope.Temp.Combine("hangs");
        Directory.CreateDirectory(project);
        var started = scope.Temp.Combine("backend-started");
        File.WriteAllText(Path.Combine(project, "setup.py"), $"""
            import time
            open({System.Text.Json.JsonSerializer.Serialize(started)}, "w").close()
            time.sleep(600)
            """);
        var daemon = await scope.StartReadyAsync(DebianPython.Environment());
        var client = await scope.ConnectInitializedAsync(daemon);
        // A build request in flight: what `shutdown` waits for (the CLI's `packd build` through the daemon).
        await client.SendRequestAsync("build", new { root = project }, scope.Token);
        await Eventually.WaitUntilAsync(() => File.Exists(started), TimeSpan.FromSeconds(60), "the daemon runs the hanging backend");

        var clock = Stopwatch.StartNew();
        var stop = await Packd.RunAsync(["stop"], environment: new Dictionary<string, string?> { ["PACKD_RUNTIME_DIR"] = scope.RuntimeDirectory, ["PACKD_NO_DAEMON"] = null },
            timeout: TimeSpan.FromSeconds(90));
        await daemon.Process.WaitForExitAsync(scope.Token);

        Assert.True(stop.ExitCode == 0, stop.ToString());
        // The backend would sleep for 600 s and the delegate timeout is 300 s: only the shutdown grace ends it this soon.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"stop took {clock.Elapsed}");
    }
}
