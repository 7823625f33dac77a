using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Daemon;

/// <summary>last-stop.txt: the one line the previous daemon wrote as it stopped.</summary>
internal static class LastStop
{
    public static string? TryRead(RuntimeDirectory runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        try
        {
            var text = File.ReadAllText(runtime.LastStopPath).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
