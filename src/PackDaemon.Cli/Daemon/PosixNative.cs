using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Cli.Daemon;

/// <summary>The libc calls the client needs and .NET does not expose: flock(2) for spawn.lock, open(2) so the lock
/// file is opened without .NET's own advisory-lock emulation, and kill(2) to probe or signal a daemon by pid.</summary>
internal static partial class PosixNative
{
    public const int LockExclusive = 2; // LOCK_EX
    public const int LockNonBlocking = 4; // LOCK_NB
    public const int LockUnlock = 8; // LOCK_UN
    public const int SignalTerminate = 15; // SIGTERM

    private const int OpenReadWrite = 2; // O_RDWR, the same on Linux and macOS

    /// <summary>EWOULDBLOCK: 11 on Linux, 35 on macOS.</summary>
    public static int WouldBlock => OperatingSystem.IsMacOS() ? 35 : 11;

    /// <summary>ESRCH: no such process (3 on both).</summary>
    public const int NoSuchProcess = 3;

    public const int Interrupted = 4; // EINTR

    /// <summary>Opens (creating, mode 0600) a file for locking. O_CLOEXEC matters: a daemon started while we hold
    /// spawn.lock must not inherit the descriptor, or it would hold the lock for its whole life.</summary>
    public static SafeFileHandle OpenForLocking(string path)
    {
        var create = OperatingSystem.IsMacOS() ? 0x200 : 0x40; // O_CREAT
        var closeOnExec = OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000; // O_CLOEXEC
        var fd = Open(path, OpenReadWrite | create | closeOnExec, 0b110_000_000);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot open '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <returns>True when the process exists (signal 0 probes without signalling).</returns>
    public static bool ProcessExists(int pid) => Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() != NoSuchProcess;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    internal static partial int Flock(SafeFileHandle fd, int operation);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);
}
