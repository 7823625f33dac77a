using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PackDaemon.Daemon.Interop;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Runtime;

/// <summary>
/// daemon.lock held with flock(2) for the daemon's whole life: one daemon per user. The kernel drops the lock when the
/// process dies, however it dies, so a crashed daemon never blocks the next one (unlike a pid file). FileShare is
/// not enough: with System.IO.DisableFileLocking set .NET takes no lock at all, and even without it its emulation is
/// not visible to the CLI's own flock. The file also carries the holder's pid, so a second daemon can name it.
/// </summary>
internal sealed class InstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private InstanceLock(string path, FileStream stream, ulong inode)
    {
        Path = path;
        _stream = stream;
        Inode = inode;
    }

    public string Path { get; }

    /// <summary>The inode locked at start: if the file at <see cref="Path"/> has another one (deleted, replaced), a
    /// second daemon could lock the new file, so this one must step down.</summary>
    public ulong Inode { get; }

    /// <returns>The held lock, or null when another process holds it; <paramref name="holderPid"/> then names it
    /// when the file says who (0 when unknown).</returns>
    public static InstanceLock? TryAcquire(string path, out int holderPid)
    {
        holderPid = 0;
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.ReadWrite | FileShare.Delete,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Only in a process without System.IO.DisableFileLocking (a test host): .NET's own shared flock on open
            // fails against the holder's exclusive one. Held, by a process this one cannot name.
            return null;
        }

        try
        {
            var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
            if (LibC.Flock(fd, LibC.LockExclusive | LibC.LockNonBlocking) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is not (LibC.WouldBlock or LibC.WouldBlockMac))
                {
                    throw new IOException($"flock('{path}') failed: {Marshal.GetPInvokeErrorMessage(errno)}");
                }

                holderPid = ReadPid(stream);
                stream.Dispose();
                return null;
            }

            stream.SetLength(0);
            stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush();
            var inode = UnixFileStatus.Read(path)?.Inode ?? 0;
            return new InstanceLock(path, stream, inode);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>False when the lock file was deleted or replaced since it was locked.</summary>
    public bool IsStillHeld() => UnixFileStatus.Read(Path) is { } status && status.Inode == Inode;

    public void Dispose() => _stream.Dispose();

    private static int ReadPid(FileStream stream)
    {
        var buffer = new byte[32];
        var read = RandomAccess.Read(stream.SafeFileHandle, buffer, 0);
        return int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
    }
}
