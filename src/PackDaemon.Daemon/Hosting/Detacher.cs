using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PackDaemon.Daemon.Interop;

namespace PackDaemon.Daemon.Hosting;

/// <summary>
/// Turns the process into a daemon without fork (which .NET cannot do safely): a new session, so closing the terminal
/// that started it sends no SIGHUP, and standard streams away from that terminal, so a write after it is gone cannot
/// fail or block. stdout and stderr go to the log, where a runtime crash message is then found.
/// </summary>
internal static class Detacher
{
    private const int StandardInput = 0;
    private const int StandardOutput = 1;
    private const int StandardError = 2;

    public static void Detach()
    {
        // setsid fails only for a process group leader, which a child started by packd is not; if it ever is, the
        // process simply stays in its session, which is still usable.
        _ = LibC.SetSid();
        using var devNull = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.ReadWrite);
        Redirect(devNull, StandardInput);
        Redirect(devNull, StandardOutput);
        Redirect(devNull, StandardError);
    }

    /// <summary>Points stdout and stderr at <paramref name="log"/> (called again after each log rotation).</summary>
    public static void RedirectOutputTo(SafeFileHandle log)
    {
        Redirect(log, StandardOutput);
        Redirect(log, StandardError);
    }

    private static void Redirect(SafeFileHandle handle, int target)
    {
        if (LibC.Dup2((int)handle.DangerousGetHandle(), target) < 0)
        {
            throw new IOException($"dup2 to fd {target} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
