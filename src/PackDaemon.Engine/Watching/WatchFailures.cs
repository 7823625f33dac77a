using System.ComponentModel;

namespace PackDaemon.Engine.Watching;

/// <summary>Recognises why a watcher failed and says what the user can do about it.</summary>
internal static class WatchFailures
{
    // errno values .NET puts in IOException.HResult for inotify_init (EMFILE, ENFILE) and inotify_add_watch (ENOSPC).
    private const int Emfile = 24;
    private const int Enfile = 23;
    private const int Enospc = 28;

    /// <summary>True for the kernel's inotify limits: instances per user, or watches per user.</summary>
    public static bool IsInotifyLimit(Exception exception)
        => exception is IOException io
           && (io.HResult is Emfile or Enfile or Enospc || io.Message.Contains("inotify", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the ways starting an event watcher fails where polling still works.</summary>
    public static bool CanFallBackToPolling(Exception exception)
        => exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException or Win32Exception;

    public static string PollingWarning(string reason, bool isInotifyLimit, TimeSpan pollInterval)
    {
        var seconds = pollInterval.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        var fix = isInotifyLimit
            ? "raise the limit, e.g. `sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512` "
              + "(persist it in /etc/sysctl.d/), then restart the daemon"
            : "check that the folder is on a local file system the kernel can watch, then restart the daemon";
        return $"File events are unavailable ({reason}); polling the tree every {seconds} s instead. Fix: {fix}.";
    }
}
