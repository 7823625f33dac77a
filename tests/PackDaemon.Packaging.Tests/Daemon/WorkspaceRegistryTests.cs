using Microsoft.Extensions.Time.Testing;
using PackDaemon.Daemon.Workspaces;
using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class WorkspaceRegistryTests : IAsyncDisposable
{
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromMinutes(30);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-registry-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly WorkspaceRegistry _registry;

    public WorkspaceRegistryTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[project]\nname = \"app\"\nversion = \"1.0\"\n");
        _registry = new WorkspaceRegistry(_time, s_keepAlive,
            root => new Workspace(WorkspaceOptions.Default(root) with { AutoBuild = false }, _time));
    }

    [Fact]
    public void Acquire_SameRootTwice_IsOneWorkspaceWithTwoHolders()
    {
        var first = _registry.Acquire(_root, 1);

        var second = _registry.Acquire(_root, 2);

        Assert.Same(first, second);
        Assert.Equal(2, second.Holders);
        Assert.Null(second.KeepAliveUntil);
        Assert.Equal(1, _registry.Count);
    }

    [Fact]
    public async Task Release_LastHolder_KeepsWorkspaceUntilKeepAliveThenClosesIt()
    {
        _registry.Acquire(_root, 1);
        _registry.Release(_root, 1);

        _time.Advance(s_keepAlive - TimeSpan.FromSeconds(1));
        var early = await _registry.CloseExpiredAsync();
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = await _registry.CloseExpiredAsync();

        Assert.Empty(early);
        Assert.Equal([_root], due);
        Assert.Equal(0, _registry.Count);
    }

    [Fact]
    public async Task Release_OneOfTwoHolders_KeepsItOpenPastTheKeepAlive()
    {
        _registry.Acquire(_root, 1);
        _registry.Acquire(_root, 2);
        _registry.Release(_root, 1);

        _time.Advance(s_keepAlive * 2);
        var closed = await _registry.CloseExpiredAsync();

        Assert.Empty(closed);
        Assert.Equal(1, Assert.Single(_registry.Entries()).Holders);
    }

    [Fact]
    public async Task ReleaseAll_DisconnectedConnection_StartsKeepAlive()
    {
        _registry.Acquire(_root, 7);

        _registry.ReleaseAll(7);

        var entry = Assert.Single(_registry.Entries());
        Assert.Equal(0, entry.Holders);
        Assert.Equal(_time.GetUtcNow() + s_keepAlive, entry.KeepAliveUntil);
        _time.Advance(s_keepAlive);
        Assert.Single(await _registry.CloseExpiredAsync());
    }

    [Fact]
    public void Acquire_DuringKeepAlive_CancelsIt()
    {
        _registry.Acquire(_root, 1);
        _registry.Release(_root, 1);

        var entry = _registry.Acquire(_root, 2);

        Assert.Null(entry.KeepAliveUntil);
        Assert.Equal(1, entry.Holders);
    }

    [Fact]
    public void Acquire_NewWorkspace_RaisesAddedOnce()
    {
        var added = 0;
        _registry.Added += _ => added++;

        _registry.Acquire(_root, 1);
        _registry.Acquire(_root, 2);

        Assert.Equal(1, added);
    }

    [Fact]
    public void NewLeaseId_NeverCollidesWithConnectionIds()
    {
        Assert.True(_registry.NewLeaseId() < 0);
        Assert.NotEqual(_registry.NewLeaseId(), _registry.NewLeaseId());
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
