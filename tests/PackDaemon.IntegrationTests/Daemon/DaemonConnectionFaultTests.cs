using System.Text;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>One bad connection ends itself only: the daemon keeps serving the others (design invariant 5).</summary>
public sealed class DaemonConnectionFaultTests
{
    [Theory]
    [InlineData("Content-Length: 9\r\n\r\n{not json")]
    [InlineData("Content-Length: 7\r\n\r\n[1,2,3]")]
    [InlineData("Content-Length: 999999999\r\n\r\n{")]
    [InlineData("X-Other: 1\r\n\r\n{}")]
    public async Task BadFrame_ClosesThatConnection_WhileAnotherKeepsWorking(string frame)
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var good = await scope.ConnectInitializedAsync(daemon);
        await using var bad = await daemon.ConnectAsync(scope.Token);

        await bad.SendRawAsync(Encoding.ASCII.GetBytes(frame), scope.Token);

        Assert.True(await bad.IsClosedByDaemonAsync(scope.Token));
        var status = await good.ResultAsync("status", new { }, scope.Token);
        Assert.Equal(daemon.Process.Id, status.GetProperty("pid").GetInt32());
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public async Task ClientVanishingMidBuild_LeavesTheDaemonServing()
    {
        await using var scope = new DaemonTestScope();
        var project = scope.Temp.CopyFixture("flask-app");
        var daemon = await scope.StartReadyAsync();
        var leaving = await scope.ConnectInitializedAsync(daemon);
        await leaving.SendRequestAsync("build", new { root = project }, scope.Token);

        await leaving.DisposeAsync();

        await using var staying = await scope.ConnectInitializedAsync(daemon);
        var report = await staying.ResultAsync("build", new { root = project }, scope.Token);
        Assert.True(report.GetProperty("succeeded").GetBoolean(), report.ToString());
        var status = await staying.ResultAsync("status", new { }, scope.Token);
        Assert.Equal(1, status.GetProperty("connections").GetInt32());
    }

    [Fact]
    public async Task ClientOfAnotherUser_IsClosedWithoutAnAnswer()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        // Only for this test: let uid 65534 reach the socket, so that SO_PEERCRED is the only thing refusing it.
        File.SetUnixFileMode(scope.Temp.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(scope.RuntimeDirectory, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(daemon.SocketPath, (UnixFileMode)0b111_111_111);
        const string Client = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX)
            s.connect(sys.argv[1])
            body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":1,"clientName":"intruder"}}'
            try:
                s.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
                data = s.recv(100)
            except ConnectionResetError:
                data = b""
            print("answered" if data else "closed")
            """;

        // The system python: a user-level shim (pyenv under /root) is not executable by nobody.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : Python.Executable;

        var result = await ProcessRunner.RunAsync("setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", python, "-c", Client, daemon.SocketPath]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("closed", result.StdOut.Trim());
        await using var owner = await scope.ConnectInitializedAsync(daemon);
        await owner.ResultAsync("status", new { }, scope.Token);
    }
}
