using System.Runtime.InteropServices;

namespace PackDaemon.Daemon.Interop;

/// <summary>The libc calls the daemon needs and .NET has no managed API for: an advisory lock that another process
/// can test (flock), leaving the terminal's session (setsid) and pointing the standard streams elsewhere (dup2).</summary>
internal static partial class LibC
{
    public const int LockExclusive = 2; // LOCK_EX
    public const int LockNonBlocking = 4; // LOCK_NB
    public const int WouldBlock = 11; // EWOULDBLOCK (EAGAIN) on Linux
    public const int WouldBlockMac = 35; // EWOULDBLOCK on macOS

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    internal static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    internal static partial int SetSid();

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    internal static partial int Dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "getpeereid", SetLastError = true)]
    internal static partial int GetPeerEid(int fd, out uint uid, out uint gid);
}
