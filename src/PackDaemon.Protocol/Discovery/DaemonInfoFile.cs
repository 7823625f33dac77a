using System.Text.Json;

namespace PackDaemon.Protocol.Discovery;

/// <summary>Reads and writes daemon.json. Written to a temp file and renamed, so a reader never sees half of it.</summary>
public static class DaemonInfoFile
{
    /// <returns>The content, or null when the file is missing, empty or not valid daemon.json (a client then treats
    /// the daemon as absent and probes the socket).</returns>
    public static DaemonInfo? TryRead(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return JsonSerializer.Deserialize(bytes, ProtocolJsonContext.Default.DaemonInfo);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static void Write(string path, DaemonInfo info)
    {
        var temp = path + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using (var stream = new FileStream(temp, options))
        {
            JsonSerializer.Serialize(stream, info, ProtocolJsonContext.Default.DaemonInfo);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
