using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>Starting, refusing, stepping aside and stopping, observed from outside the real process.</summary>
public sealed class DaemonLifetimeTests
{
    [Fact]
    public async Task Shutdown_ExitsAndTheNextDaemonReportsWhy()
    {
        await using var scope = new DaemonTestScope();
        var first = await scope.StartReadyAsync();
        int answeredPid;
        await using (var client = await scope.ConnectInitializedAsync(first))
        {
            var result = await client.ResultAsync("shutdown", new { }, scope.Token);
            answeredPid = result.GetProperty("pid").GetInt32();
        }

        var exitCode = await first.WaitForExitAsync(scope.Token);

        Assert.Equal(first.Process.Id, answeredPid);
        Assert.Equal(0, exitCode);
        Assert.False(File.Exists(first.InfoPath));
        Assert.False(File.Exists(first.SocketPath));
        var second = await scope.StartReadyAsync();
        await using var next = await scope.ConnectInitializedAsync(second);
        var status = await next.ResultAsync("status", new { }, scope.Token);
        Assert.Contains("shutdown request from pid", status.GetProperty("lastStopReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleTimeout_DaemonExitsByItself()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync("--idle-timeout", "1");

        var exitCode = await daemon.WaitForExitAsync(scope.Token);

        Assert.Equal(0, exitCode);
        Assert.Contains("idle timeout", await File.ReadAllTextAsync(Path.Combine(scope.RuntimeDirectory, "last-stop.txt"), scope.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DaemonJsonDeleted_DaemonExitsByItself()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();

        File.Delete(daemon.InfoPath);

        Assert.Equal(0, await daemon.WaitForExitAsync(scope.Token));
        Assert.Contains("daemon.json no longer names", await File.ReadAllTextAsync(Path.Combine(scope.RuntimeDirectory, "last-stop.txt"), scope.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDaemonsRacing_OneServesAndTheOtherSaysAlreadyRunning()
    {
        await using var scope = new DaemonTestScope();
        var a = scope.Start();
        var b = scope.Start();

        var first = await Task.WhenAny(a.Process.WaitForExitAsync(scope.Token), b.Process.WaitForExitAsync(scope.Token));
        await first;

        var (exited, running) = a.Process.HasExited ? (a, b) : (b, a);
        Assert.Equal(0, exited.Process.ExitCode);
        Assert.Contains("already running", exited.Output, StringComparison.Ordinal);
        await running.WaitUntilReadyAsync(scope.Token);
        await using var client = await scope.ConnectInitializedAsync(running);
        await client.ResultAsync("status", new { }, scope.Token);
    }

    [Fact]
    public async Task SecondDaemon_WhileOneRuns_ExitsZeroNamingThePid()
    {
        await using var scope = new DaemonTestScope();
        var running = await scope.StartReadyAsync();

        var second = scope.Start();
        var exitCode = await second.WaitForExitAsync(scope.Token);

        Assert.Equal(0, exitCode);
        Assert.Contains($"already running (pid {running.Process.Id})", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleSocketFile_WithNoDaemon_IsReplaced()
    {
        await using var scope = new DaemonTestScope();
        Directory.CreateDirectory(scope.RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socketPath = Path.Combine(scope.RuntimeDirectory, "packd.sock");
        // Python leaves the file behind when it exits, like a killed daemon; .NET would unlink it on dispose.
        var bind = await Python.RunScriptAsync("import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socketPath);
        Assert.True(bind.ExitCode == 0, bind.ToString());

        Assert.True(File.Exists(socketPath));

        var daemon = await scope.StartReadyAsync();

        await using var client = await scope.ConnectInitializedAsync(daemon);
        await client.ResultAsync("status", new { }, scope.Token);
    }

    [Fact]
    public async Task RuntimeFolderWritableByOthers_IsRefusedWithExitCode1()
    {
        await using var scope = new DaemonTestScope();
        Directory.CreateDirectory(scope.RuntimeDirectory);
        File.SetUnixFileMode(scope.RuntimeDirectory, (UnixFileMode)0b111_111_111);

        var daemon = scope.Start();
        var exitCode = await daemon.WaitForExitAsync(scope.Token);

        Assert.Equal(1, exitCode);
        Assert.Contains("writable by other users", daemon.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(scope.RuntimeDirectory, "packd.sock")));
    }

    [Fact]
    public async Task Sigterm_StopsGracefullyAndRecordsTheSignal()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();

        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", daemon.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal(0, kill.ExitCode);
        Assert.Equal(0, await daemon.WaitForExitAsync(scope.Token));
        Assert.Contains("signal", await File.ReadAllTextAsync(Path.Combine(scope.RuntimeDirectory, "last-stop.txt"), scope.Token), StringComparison.Ordinal);
        Assert.False(File.Exists(daemon.SocketPath));
    }

    [Fact]
    public async Task Detach_LogsToTheRuntimeFolderInsteadOfTheTerminal()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync("--detach", "--idle-timeout", "1");

        Assert.Equal(0, await daemon.WaitForExitAsync(scope.Token));

        var log = await File.ReadAllTextAsync(Path.Combine(scope.RuntimeDirectory, "daemon.log"), scope.Token);
        Assert.Contains($"(pid {daemon.Process.Id}) listening", log, StringComparison.Ordinal);
        Assert.Contains("idle timeout", log, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", daemon.Output, StringComparison.Ordinal);
    }
}
