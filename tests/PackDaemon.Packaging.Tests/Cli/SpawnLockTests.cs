using PackDaemon.Cli.Daemon;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed class SpawnLockTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"packd-spawnlock-{Guid.NewGuid():N}");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SecondHolder_WaitsUntilTheFirstReleases()
    {
        var first = await SpawnLock.AcquireAsync(_path, TimeSpan.FromSeconds(5), TimeProvider.System, Token);
        Assert.NotNull(first);

        var blocked = await SpawnLock.AcquireAsync(_path, TimeSpan.FromMilliseconds(100), TimeProvider.System, Token);
        Assert.Null(blocked);

        var waiting = SpawnLock.AcquireAsync(_path, TimeSpan.FromSeconds(30), TimeProvider.System, Token);
        first.Dispose();
        using var second = await waiting;
        Assert.NotNull(second);
    }

    [Fact]
    public async Task LockFile_IsPrivateToTheUser()
    {
        using var held = await SpawnLock.AcquireAsync(_path, TimeSpan.FromSeconds(5), TimeProvider.System, Token);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
    }

    public void Dispose() => File.Delete(_path);
}
