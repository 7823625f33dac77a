using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Cli;

/// <summary>The client half of the daemon that needs no daemon: opting out, status and stop with none running, and the
/// loud fallback when packd-daemon cannot be started.</summary>
public sealed class DaemonFallbackTests
{
    [Fact]
    public async Task NoDaemonOption_BuildsInProcess_AndTouchesNoRuntimeFolder()
    {
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");

        var result = await sandbox.RunAsync("build", project, "--no-daemon", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdErr);
        Assert.Contains("\"builtBy\": \"in-process\"", result.StdOut, StringComparison.Ordinal);
        Assert.True(File.Exists(BuiltArtifacts.Parse(result.StdOut).Wheel));
        Assert.False(Directory.Exists(sandbox.RuntimeDirectory), "--no-daemon must not create the runtime folder");
    }

    [Fact]
    public async Task NoDaemonVariable_BuildsInProcess_AndTouchesNoRuntimeFolder()
    {
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var environment = new Dictionary<string, string?>(sandbox.Environment) { ["PACKD_NO_DAEMON"] = "1" };

        var result = await Packd.RunAsync(["build", project], environment: environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdErr);
        Assert.False(Directory.Exists(sandbox.RuntimeDirectory));
    }

    [Fact]
    public async Task Status_WithNoDaemon_SaysSo_AndStartsNothing()
    {
        await using var sandbox = new DaemonSandbox();

        var result = await sandbox.RunAsync("status");
        var json = await sandbox.RunAsync("status", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no daemon running", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"running\": false", json.StdOut, StringComparison.Ordinal);
        Assert.False(Directory.Exists(sandbox.RuntimeDirectory), "status must not start a daemon");
    }

    [Fact]
    public async Task Status_WithNoDaemon_ShowsWhyThePreviousOneStopped()
    {
        await using var sandbox = new DaemonSandbox();
        Directory.CreateDirectory(sandbox.RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await File.WriteAllTextAsync(Path.Combine(sandbox.RuntimeDirectory, "last-stop.txt"), "2026-01-01T00:00:00Z idle for 3h\n", TestContext.Current.CancellationToken);

        var result = await sandbox.RunAsync("status");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("idle for 3h", result.StdOut, StringComparison.Ordinal);
        Assert.False(File.Exists(sandbox.InfoPath));
    }

    [Fact]
    public async Task Status_WithAnUnsafeRuntimeFolder_RefusesAndNamesTheFix()
    {
        await using var sandbox = new DaemonSandbox();
        Directory.CreateDirectory(sandbox.RuntimeDirectory);
        File.SetUnixFileMode(sandbox.RuntimeDirectory, (UnixFileMode)0b111_111_111);

        var result = await sandbox.RunAsync("status");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("chmod 700", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_WithNoDaemon_SaysSo()
    {
        await using var sandbox = new DaemonSandbox();

        var result = await sandbox.RunAsync("stop");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no daemon running", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WithoutPackdDaemonNextToIt_FallsBackWithExactlyOneNotice_AndTheSameWheel()
    {
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var lonePackd = temp.Combine("bin", "packd");
        Directory.CreateDirectory(Path.GetDirectoryName(lonePackd)!);
        File.Copy(Packd.Executable, lonePackd);

        var result = await ProcessRunner.RunAsync(lonePackd, ["build", project, "--out", temp.Combine("viaFallback"), "--json"], environment: sandbox.Environment);
        var reference = await sandbox.RunAsync("build", project, "--out", temp.Combine("inProcess"), "--json", "--no-daemon");

        Assert.True(result.ExitCode == 0, result.ToString());
        var notices = result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var notice = Assert.Single(notices);
        Assert.StartsWith("packd: daemon unavailable (", notice, StringComparison.Ordinal);
        Assert.EndsWith("); built in-process", notice, StringComparison.Ordinal);
        Assert.Contains(temp.Combine("bin", "packd-daemon"), notice, StringComparison.Ordinal);
        Assert.Equal(BuiltArtifacts.Parse(reference.StdOut).WheelSha256, BuiltArtifacts.Parse(result.StdOut).WheelSha256);
    }

    [Fact]
    public async Task DaemonCommand_WithoutPackdDaemonNextToIt_SaysWhereItLookedAndHowToFix()
    {
        using var temp = new TempDirectory();
        var lonePackd = temp.Combine("packd");
        File.Copy(Packd.Executable, lonePackd);

        var result = await ProcessRunner.RunAsync(lonePackd, ["daemon"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(temp.Combine("packd-daemon"), result.StdErr, StringComparison.Ordinal);
        Assert.Contains("dotnet publish", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithDaemonDisabled_ExplainsItNeedsTheDaemon()
    {
        using var temp = new TempDirectory();

        var result = await Packd.RunAsync("watch", temp.CopyFixture("flat"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PACKD_NO_DAEMON", result.StdErr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("watch", "DIR")]
    [InlineData("status", "--json")]
    [InlineData("stop", "in-flight")]
    [InlineData("daemon", "--idle-timeout")]
    [InlineData("build", "PACKD_NO_DAEMON")]
    public async Task Help_OnDaemonCommands_DescribesThem(string command, string expectedWord)
    {
        var result = await Packd.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expectedWord, result.StdOut, StringComparison.Ordinal);
    }
}
