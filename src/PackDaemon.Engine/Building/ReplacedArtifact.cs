using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Keeps the artifact about to be replaced open across the rename, so the rename does not free it. Renaming over the
/// last link of a 15 MB file frees its page cache and blocks inside rename(2): measured here at ~7 ms per 15 MB, about a
/// third of a botocore-sized save. With a descriptor held, that work moves to the close, which runs on the thread pool
/// after the new artifact is in place.
/// </summary>
internal static partial class ReplacedArtifact
{
    /// <summary>Opens whatever is at <paramref name="path"/> for reading, or returns null. O_NONBLOCK because a FIFO
    /// someone left there must not block the build (nothing is ever read through the descriptor).</summary>
    public static SafeFileHandle? HoldOpen(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        int nonBlocking = OperatingSystem.IsMacOS() ? 0x4 : 0x800; // O_NONBLOCK
        int closeOnExec = OperatingSystem.IsMacOS() ? 0x1000000 : 0x80000; // O_CLOEXEC
        int fd = Open(path, nonBlocking | closeOnExec); // O_RDONLY is 0 on both
        return fd < 0 ? null : new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Closes the held descriptor off the caller's path.</summary>
    public static void ReleaseInBackground(SafeFileHandle? handle)
    {
        if (handle is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static h => h.Dispose(), handle, preferLocal: false);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
