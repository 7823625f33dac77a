namespace PackDaemon.IntegrationTests.Daemon;

/// <summary><c>explain</c> through the real daemon: the same decisions as <c>packd explain</c>, plus the generation of
/// the open workspace so a client knows which build the answer goes with.</summary>
public sealed class DaemonExplainTests
{
    [Fact]
    public async Task Explain_OfAnUnopenedProject_DecidesEachArtifact_WithoutAGeneration()
    {
        await using var scope = new DaemonTestScope();
        var root = scope.Temp.CopyFixture("flask-app");
        await using var client = await scope.ConnectInitializedAsync(await scope.StartReadyAsync());

        var result = await client.ResultAsync("explain", new { root, path = "flask_app/static/css/app.css" }, scope.Token);

        Assert.True(result.GetProperty("wheel").GetProperty("included").GetBoolean());
        Assert.Equal("flask_app/static/css/app.css", result.GetProperty("wheel").GetProperty("archivePath").GetString());
        Assert.True(result.GetProperty("sdist").GetProperty("included").GetBoolean());
        Assert.False(result.TryGetProperty("generation", out _));
    }

    [Fact]
    public async Task Explain_OfAnOpenWorkspace_CarriesItsGeneration()
    {
        await using var scope = new DaemonTestScope();
        var root = scope.Temp.CopyFixture("flask-app");
        var workspace = await WatchedWorkspace.OpenAsync(scope, await scope.StartReadyAsync(), root);

        var result = await workspace.Client.ResultAsync("explain", new { root, path = Path.Combine(root, "pyproject.toml") }, scope.Token);

        Assert.Equal(workspace.Generation, result.GetProperty("generation").GetInt64());
        Assert.False(result.GetProperty("wheel").GetProperty("included").GetBoolean());
        Assert.True(result.GetProperty("sdist").GetProperty("included").GetBoolean());
    }

    [Fact]
    public async Task Explain_OfAPathOutsideTheProject_IsInvalidParams()
    {
        await using var scope = new DaemonTestScope();
        var root = scope.Temp.CopyFixture("flask-app");
        await using var client = await scope.ConnectInitializedAsync(await scope.StartReadyAsync());

        Assert.Equal(-32602, await client.ErrorCodeAsync("explain", new { root, path = "../elsewhere/secret.txt" }, scope.Token));
    }

    [Fact]
    public async Task Explain_OfABrokenProject_HasNoDecisions_AndSaysWhy()
    {
        await using var scope = new DaemonTestScope();
        var root = scope.Temp.CopyFixture("broken-pyproject");
        await using var client = await scope.ConnectInitializedAsync(await scope.StartReadyAsync());

        var result = await client.ResultAsync("explain", new { root, path = "pyproject.toml" }, scope.Token);

        Assert.False(result.TryGetProperty("wheel", out _));
        var diagnostic = Assert.Single(result.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("pyproject.toml", diagnostic.GetProperty("file").GetString());
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
    }
}
