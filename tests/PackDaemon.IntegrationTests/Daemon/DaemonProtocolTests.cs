using System.Security.Cryptography;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>The methods of docs/protocol.md against the real daemon process.</summary>
public sealed class DaemonProtocolTests
{
    [Fact]
    public async Task Initialize_ThenStatus_ReportsThisDaemon()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await daemon.ConnectAsync(scope.Token);

        var init = await client.InitializeAsync(scope.Token);
        var status = await client.ResultAsync("status", new { }, scope.Token);

        Assert.Equal(daemon.Process.Id, init.GetProperty("pid").GetInt32());
        Assert.Equal(1, init.GetProperty("protocolVersion").GetInt32());
        Assert.StartsWith(init.GetProperty("daemonVersion").GetString() + "+", init.GetProperty("daemonBuild").GetString(), StringComparison.Ordinal);
        Assert.Equal(daemon.Process.Id, status.GetProperty("pid").GetInt32());
        Assert.Equal(1, status.GetProperty("connections").GetInt32());
        Assert.Equal(0, status.GetProperty("workspaces").GetArrayLength());
    }

    [Fact]
    public async Task Start_CreatesPrivateRuntimeFolderSocketAndDaemonJson()
    {
        await using var scope = new DaemonTestScope();

        var daemon = await scope.StartReadyAsync();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(scope.RuntimeDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.SocketPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(daemon.InfoPath));
    }

    [Fact]
    public async Task Build_FlaskApp_ReturnsArtifactsWhoseSha256MatchesTheFiles()
    {
        await using var scope = new DaemonTestScope();
        var project = scope.Temp.CopyFixture("flask-app");
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);

        var report = await client.ResultAsync("build", new { root = project }, scope.Token);

        Assert.True(report.GetProperty("succeeded").GetBoolean(), report.ToString());
        Assert.Equal("native", report.GetProperty("mode").GetString());
        Assert.True(report.GetProperty("generation").GetInt64() >= 1);
        var artifacts = report.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.Equal(["sdist", "wheel"], artifacts.Select(a => a.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal));
        foreach (var artifact in artifacts)
        {
            var path = artifact.GetProperty("path").GetString()!;
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), artifact.GetProperty("sha256").GetString());
        }
    }

    [Fact]
    public async Task Build_OfUnopenedRoot_LeavesWorkspaceInKeepAlive()
    {
        await using var scope = new DaemonTestScope();
        var project = scope.Temp.CopyFixture("flask-app");
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);
        await client.ResultAsync("build", new { root = project }, scope.Token);

        var status = await client.ResultAsync("status", new { }, scope.Token);

        var workspace = Assert.Single(status.GetProperty("workspaces").EnumerateArray());
        Assert.Equal(project, workspace.GetProperty("root").GetString());
        Assert.Equal(0, workspace.GetProperty("holders").GetInt32());
        Assert.True(workspace.TryGetProperty("keepAliveUntil", out _));
    }

    [Fact]
    public async Task Initialize_WithAnotherProtocolVersion_Fails1001WithDaemonInfoAsData()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await daemon.ConnectAsync(scope.Token);

        var response = await client.RequestAsync("initialize", new { protocolVersion = 99, clientName = "future" }, scope.Token);

        var error = response.GetProperty("error");
        Assert.Equal(1001, error.GetProperty("code").GetInt32());
        Assert.Equal(daemon.Process.Id, error.GetProperty("data").GetProperty("pid").GetInt32());
        Assert.Equal(1, error.GetProperty("data").GetProperty("protocolVersion").GetInt32());
    }

    [Fact]
    public async Task Status_BeforeInitialize_Fails1002AndTheConnectionStays()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await daemon.ConnectAsync(scope.Token);

        var code = await client.ErrorCodeAsync("status", new { }, scope.Token);

        Assert.Equal(1002, code);
        await client.InitializeAsync(scope.Token);
    }

    [Fact]
    public async Task WrongParamTypes_AreInvalidParams_WithAPlainMessage_AndNoStackTrace()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);

        foreach (var (method, parameters) in new (string, object)[] { ("build", new { root = 123 }), ("explain", new { root = "/tmp", path = new { a = 1 } }), ("workspace/open", new { root = new[] { 1 } }) })
        {
            var response = await client.RequestAsync(method, parameters, scope.Token);

            var error = response.GetProperty("error");
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Contains($"Invalid params for '{method}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("System.", response.ToString(), StringComparison.Ordinal);
            Assert.False(error.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null, response.ToString());
        }

        Assert.False(daemon.Process.HasExited);
    }

    [Theory]
    [InlineData("relative/path")]
    [InlineData("/definitely/not/here")]
    [InlineData("/tmp")]
    public async Task OpenOrBuild_BadRoot_Fails1003(string root)
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);

        var open = await client.ErrorCodeAsync("workspace/open", new { root }, scope.Token);
        var build = await client.ErrorCodeAsync("build", new { root }, scope.Token);

        Assert.Equal(1003, open);
        Assert.Equal(1003, build);
    }

    [Fact]
    public async Task UnknownMethod_Fails32601AndTheConnectionStays()
    {
        await using var scope = new DaemonTestScope();
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);

        var code = await client.ErrorCodeAsync("textDocument/frobnicate", new { }, scope.Token);

        Assert.Equal(-32601, code);
        await client.ResultAsync("status", new { }, scope.Token);
    }

    [Fact]
    public async Task OpenWithSubscribe_ThenBuild_SendsBuildNotifications()
    {
        await using var scope = new DaemonTestScope();
        var project = scope.Temp.CopyFixture("flask-app");
        var daemon = await scope.StartReadyAsync();
        await using var client = await scope.ConnectInitializedAsync(daemon);
        await client.ResultAsync("workspace/open", new { root = project, subscribe = true }, scope.Token);
        await client.ResultAsync("build", new { root = project }, scope.Token);

        var methods = new List<string>();
        while (!methods.Contains("build/finished"))
        {
            var message = client.Notifications.Count > 0 ? client.Notifications[0] : await client.ReadMessageAsync(scope.Token);
            if (client.Notifications.Count > 0)
            {
                client.Notifications.RemoveAt(0);
            }

            Assert.NotNull(message);
            methods.Add(message.Value.GetProperty("method").GetString()!);
        }

        Assert.Equal("build/started", methods[0]);
    }
}
