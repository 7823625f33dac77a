using System.Diagnostics;
using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Cli;

/// <summary>packd against a real packd-daemon in an isolated runtime folder. Skipped (dynamically) until a serving
/// packd-daemon is published next to packd, that is until feat/daemon is merged.</summary>
public sealed class DaemonClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Build_GoesThroughTheDaemon_StartingIt_AndASecondBuildIsUpToDate()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");

        var first = await sandbox.RunAsync("build", project, "--json");
        var second = await sandbox.RunAsync("build", project, "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Empty(first.StdErr);
        using var firstJson = JsonDocument.Parse(first.StdOut);
        using var secondJson = JsonDocument.Parse(second.StdOut);
        Assert.Equal("daemon", firstJson.RootElement.GetProperty("builtBy").GetString());
        Assert.True(secondJson.RootElement.GetProperty("upToDate").GetBoolean(), second.StdOut);
        Assert.Equal(0, secondJson.RootElement.GetProperty("changedEntries").GetInt32());
        Assert.True(File.Exists(sandbox.InfoPath));
        Assert.Equal(BuiltArtifacts.Parse(first.StdOut).WheelSha256, BuiltArtifacts.Parse(second.StdOut).WheelSha256);
    }

    [Fact]
    public async Task Status_ShowsTheDaemonAndTheWorkspace()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        Assert.Equal(0, (await sandbox.RunAsync("build", project)).ExitCode);

        var text = await sandbox.RunAsync("status");
        var json = await sandbox.RunAsync("status", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("daemon: pid", text.StdOut, StringComparison.Ordinal);
        Assert.Contains(project, text.StdOut, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.StdOut);
        Assert.True(doc.RootElement.GetProperty("running").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("workspaces").EnumerateArray(), w => w.GetProperty("root").GetString() == project);
    }

    [Fact]
    public async Task Stop_StopsTheDaemon_AndWaitsForItsExit()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        Assert.Equal(0, (await sandbox.RunAsync("build", temp.CopyFixture("flat"))).ExitCode);
        using var info = JsonDocument.Parse(await File.ReadAllTextAsync(sandbox.InfoPath, TestContext.Current.CancellationToken));
        var pid = info.RootElement.GetProperty("pid").GetInt32();

        var stop = await sandbox.RunAsync("stop");
        var status = await sandbox.RunAsync("status");

        Assert.True(stop.ExitCode == 0, stop.ToString());
        Assert.Contains("stopped", stop.StdOut, StringComparison.Ordinal);
        Assert.False(IsRunning(pid), "packd stop returned before the daemon exited");
        Assert.Contains("no daemon running", status.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenParallelBuilds_StartExactlyOneDaemon()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var projects = Enumerable.Range(0, 10).Select(i => temp.CopyFixture("flat", $"p{i}")).ToList();

        var results = await Task.WhenAll(projects.Select(p => sandbox.RunAsync("build", p, "--json")));

        Assert.All(results, r =>
        {
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.DoesNotContain("daemon unavailable", r.StdErr, StringComparison.Ordinal);
        });
        Assert.Equal(1, CountDaemonsServing(sandbox.RuntimeDirectory));
        var log = Path.Combine(sandbox.RuntimeDirectory, "daemon.log");
        if (File.Exists(log))
        {
            Assert.DoesNotContain("already running", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Watch_PrintsALinePerBuild_AndStopsCleanlyOnSigint()
    {
        await DaemonAvailability.SkipUnlessAvailableAsync();
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var info = new ProcessStartInfo(Packd.Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("watch");
        info.ArgumentList.Add(project);
        foreach (var (key, value) in sandbox.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var watch = Process.Start(info)!;
        var lines = new List<string>();
        watch.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (lines)
                {
                    lines.Add(e.Data);
                }
            }
        };
        watch.BeginOutputReadLine();
        var stderr = watch.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await Eventually.WaitUntilAsync(() => Count(lines) >= 1, Patience, "watch prints the first build");
            var source = Directory.EnumerateFiles(project, "*.py", SearchOption.AllDirectories).First();
            await File.AppendAllTextAsync(source, "\nEDITED = True\n", TestContext.Current.CancellationToken);
            await Eventually.WaitUntilAsync(() => Count(lines) >= 2, Patience, "watch prints a build after the edit");

            Assert.Contains("generation", Last(lines), StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b", Last(lines), StringComparison.Ordinal);
            await ProcessRunner.RunAsync("kill", ["-INT", watch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await watch.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience, TestContext.Current.CancellationToken);
            Assert.True(watch.ExitCode == 0, await stderr);
        }
        finally
        {
            if (!watch.HasExited)
            {
                watch.Kill();
            }
        }
    }

    private static int Count(List<string> lines)
    {
        lock (lines)
        {
            return lines.Count(l => l.Contains("generation", StringComparison.Ordinal));
        }
    }

    private static string Last(List<string> lines)
    {
        lock (lines)
        {
            return lines[^1];
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>packd-daemon processes whose environment points at this runtime folder.</summary>
    private static int CountDaemonsServing(string runtimeDirectory)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                var environ = File.ReadAllText(Path.Combine(dir, "environ"));
                if (cmdline.Contains("packd-daemon", StringComparison.Ordinal) && environ.Contains("PACKD_RUNTIME_DIR=" + runtimeDirectory + "\0", StringComparison.Ordinal))
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Processes come and go while we look.
            }
        }

        return count;
    }
}
