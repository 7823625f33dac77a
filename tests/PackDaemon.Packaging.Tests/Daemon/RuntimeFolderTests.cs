using PackDaemon.Daemon.Runtime;
using PackDaemon.Protocol;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class RuntimeFolderTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _parent = Path.Combine(Path.GetTempPath(), "pdrf-" + Guid.NewGuid().ToString("N")[..12]);

    public RuntimeFolderTests() => Directory.CreateDirectory(_parent);

    [Fact]
    public void EnsureSecure_MissingFolder_CreatesIt0700()
    {
        var directory = new RuntimeDirectory(Path.Combine(_parent, "rt"));

        directory.EnsureSecure();

        Assert.Equal(Private, File.GetUnixFileMode(directory.Path));
    }

    [Fact]
    public void EnsureSecure_FolderWritableByOthers_IsRefused()
    {
        var path = Path.Combine(_parent, "rt");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);

        var error = Assert.Throws<RuntimeDirectoryException>(() => new RuntimeDirectory(path).EnsureSecure());

        Assert.Contains("writable by other users", error.Message, StringComparison.Ordinal);
        Assert.Contains("chmod 700", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSecure_Symlink_IsRefused()
    {
        var target = Path.Combine(_parent, "real");
        Directory.CreateDirectory(target, Private);
        var link = Path.Combine(_parent, "rt");
        Directory.CreateSymbolicLink(link, target);

        var error = Assert.Throws<RuntimeDirectoryException>(() => new RuntimeDirectory(link).EnsureSecure());

        Assert.Contains("symlink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureSecure_SocketPathTooLong_IsRefused()
    {
        var directory = new RuntimeDirectory(Path.Combine(_parent, new string('x', 100)));

        Assert.Throws<RuntimeDirectoryException>(directory.EnsureSecure);
    }

    [Fact]
    public void DaemonInfoFile_WriteThenRead_RoundTripsPrivately()
    {
        var path = Path.Combine(_parent, "daemon.json");
        var info = new DaemonInfo(4242, "0.1.0", "0.1.0+abcdef012345", ProtocolVersion.Current, "/tmp/x/packd.sock",
            new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

        DaemonInfoFile.Write(path, info);

        Assert.Equal(info, DaemonInfoFile.TryRead(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void DaemonInfoFile_Garbage_ReadsAsAbsent()
    {
        var path = Path.Combine(_parent, "daemon.json");
        File.WriteAllText(path, "{\"pid\":");

        Assert.Null(DaemonInfoFile.TryRead(path));
    }

    [Fact]
    public void InstanceLock_HeldElsewhere_IsRefusedNamingTheHolder()
    {
        var path = Path.Combine(_parent, "daemon.lock");
        using var held = InstanceLock.TryAcquire(path, out _);

        using var second = InstanceLock.TryAcquire(path, out var holder);

        Assert.NotNull(held);
        Assert.Null(second);
        // The test host lacks System.IO.DisableFileLocking, so .NET's own lock may refuse the open before flock can
        // name the holder; the daemon host sets it and always names the pid.
        Assert.Contains(holder, new[] { 0, Environment.ProcessId });
    }

    [Fact]
    public void InstanceLock_FileReplaced_IsNoLongerHeld()
    {
        var path = Path.Combine(_parent, "daemon.lock");
        using var held = InstanceLock.TryAcquire(path, out _);
        Assert.True(held!.IsStillHeld());

        File.Delete(path);
        File.WriteAllText(path, "1\n");

        Assert.False(held.IsStillHeld());
    }

    [Fact]
    public void LastStopFile_WriteThenRead_KeepsTheReason()
    {
        var path = Path.Combine(_parent, "last-stop.txt");

        LastStopFile.Write(path, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), "idle timeout");

        Assert.Equal("2026-01-02T03:04:05Z idle timeout", LastStopFile.TryRead(path));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);
}
