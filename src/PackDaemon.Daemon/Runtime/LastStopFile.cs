using System.Globalization;

namespace PackDaemon.Daemon.Runtime;

/// <summary>last-stop.txt: one line, "UTC time reason", so the next daemon's <c>status</c> can say why the previous
/// one went away (an idle exit looks like a crash to a user who did not expect it).</summary>
internal static class LastStopFile
{
    public static string? TryRead(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string path, DateTimeOffset when, string reason)
    {
        var line = when.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " " + reason + "\n";
        var temp = path + ".tmp";
        File.WriteAllText(temp, line);
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
