using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Cli.Daemon;

/// <summary>
/// spawn.lock, held with flock(2) while a client checks for a daemon and starts one, so ten clients racing on a cold
/// machine start one daemon: the first starts it, the others wait here and then find it running. flock rather than a
/// named mutex because the kernel drops it when the holder dies, so a crashed client cannot wedge every later one.
/// </summary>
internal sealed class SpawnLock : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(25);

    private readonly SafeFileHandle _handle;

    private SpawnLock(SafeFileHandle handle)
    {
        _handle = handle;
    }

    /// <returns>The held lock, or null when another process held it for the whole <paramref name="timeout"/>.</returns>
    /// <exception cref="IOException">The lock file cannot be opened or locked for another reason than contention.</exception>
    public static async Task<SpawnLock?> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var handle = PosixNative.OpenForLocking(path);
        var started = time.GetTimestamp();
        try
        {
            // LOCK_NB in a loop rather than a blocking flock: a blocked syscall cannot honour the timeout or Ctrl+C.
            while (true)
            {
                if (PosixNative.Flock(handle, PosixNative.LockExclusive | PosixNative.LockNonBlocking) == 0)
                {
                    return new SpawnLock(handle);
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != PosixNative.WouldBlock && errno != PosixNative.Interrupted)
                {
                    throw new IOException($"cannot lock '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
                }

                if (time.GetElapsedTime(started) >= timeout)
                {
                    handle.Dispose();
                    return null;
                }

                await Task.Delay(RetryInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Closing the descriptor releases the lock too; unlocking first makes the release explicit and immediate.
        _ = PosixNative.Flock(_handle, PosixNative.LockUnlock);
        _handle.Dispose();
    }
}
