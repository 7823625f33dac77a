using System.Globalization;

namespace PackDaemon.Daemon.Hosting;

/// <summary>
/// Parses <c>packd-daemon [--detach] [--idle-timeout SECONDS] [--keep-alive SECONDS]</c>. The environment variables
/// PACKD_IDLE_TIMEOUT and PACKD_KEEP_ALIVE give the same values, and an option on the command line wins. Hand-rolled
/// because three options do not justify System.CommandLine in a process nobody types by hand.
/// </summary>
public static class DaemonCommandLine
{
    public const string Usage = "usage: packd-daemon [--detach] [--idle-timeout SECONDS] [--keep-alive SECONDS]";

    /// <returns>The options, or null with <paramref name="error"/> set (empty when help was asked for).</returns>
    public static DaemonOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        error = null;
        var detach = false;
        if (!TryReadSeconds(environment("PACKD_IDLE_TIMEOUT"), "PACKD_IDLE_TIMEOUT", DaemonOptions.DefaultIdleTimeout, out var idle, ref error)
            || !TryReadSeconds(environment("PACKD_KEEP_ALIVE"), "PACKD_KEEP_ALIVE", DaemonOptions.DefaultKeepAlive, out var keepAlive, ref error))
        {
            return null;
        }

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--detach":
                    detach = true;
                    break;
                case "--idle-timeout" or "--keep-alive" when i + 1 < args.Count:
                    var name = args[i];
                    var ok = name == "--idle-timeout"
                        ? TryReadSeconds(args[++i], name, idle, out idle, ref error)
                        : TryReadSeconds(args[++i], name, keepAlive, out keepAlive, ref error);
                    if (!ok)
                    {
                        return null;
                    }

                    break;
                case "-h" or "--help":
                    error = string.Empty;
                    return null;
                default:
                    error = $"unknown or incomplete option '{args[i]}'.";
                    return null;
            }
        }

        return new DaemonOptions(detach, idle, keepAlive);
    }

    private static bool TryReadSeconds(string? text, string name, TimeSpan fallback, out TimeSpan value, ref string? error)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= int.MaxValue)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        error = $"{name} must be a positive number of seconds, not '{text}'.";
        return false;
    }
}
