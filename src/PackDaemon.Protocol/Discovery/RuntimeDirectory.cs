using System.Globalization;
using System.Text;

namespace PackDaemon.Protocol.Discovery;

/// <summary>
/// Where a user's daemon lives: <c>$XDG_RUNTIME_DIR/packd</c>, else <c>/tmp/packd-$UID</c> (or
/// <c>$PACKD_RUNTIME_DIR</c>, which tests use for isolation). It holds the socket, the instance lock, daemon.json and
/// the log. Every client and the daemon resolve it with these same rules; docs/protocol.md states them for the
/// clients written in other languages.
/// </summary>
public sealed class RuntimeDirectory
{
    public const string OverrideVariable = "PACKD_RUNTIME_DIR";

    /// <summary>sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS, terminator included; stay well under.</summary>
    public const int MaxSocketPathBytes = 100;

    public RuntimeDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string SocketPath => System.IO.Path.Combine(Path, "packd.sock");

    /// <summary>Held (flock) by the running daemon for its whole life: one daemon per user.</summary>
    public string InstanceLockPath => System.IO.Path.Combine(Path, "daemon.lock");

    /// <summary>Held by a client while it starts a daemon, so ten racing clients start one.</summary>
    public string SpawnLockPath => System.IO.Path.Combine(Path, "spawn.lock");

    public string InfoPath => System.IO.Path.Combine(Path, "daemon.json");

    public string LogPath => System.IO.Path.Combine(Path, "daemon.log");

    /// <summary>One line written by a daemon as it stops, read by the next one's <c>status</c>.</summary>
    public string LastStopPath => System.IO.Path.Combine(Path, "last-stop.txt");

    public static RuntimeDirectory Resolve() => Resolve(Environment.GetEnvironmentVariable);

    public static RuntimeDirectory Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var explicitPath = environment(OverrideVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return new RuntimeDirectory(explicitPath);
        }

        var xdg = environment("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg) && Directory.Exists(xdg))
        {
            return new RuntimeDirectory(System.IO.Path.Combine(xdg, "packd"));
        }

        var uid = UnixFileStatus.CurrentUid.ToString(CultureInfo.InvariantCulture);
        return new RuntimeDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "packd-" + uid));
    }

    /// <summary>
    /// Creates the folder 0700 when it is missing, then checks that it is a real folder (not a symlink), owned by
    /// this user, and writable by nobody else. Anyone who could write there could replace the socket and read every
    /// build request, so an unsafe folder is refused, never repaired silently.
    /// </summary>
    /// <exception cref="RuntimeDirectoryException">The folder is unsafe or cannot be created; the message says the fix.</exception>
    public void EnsureSecure()
    {
        if (Encoding.UTF8.GetByteCount(SocketPath) > MaxSocketPathBytes)
        {
            throw new RuntimeDirectoryException(
                $"the socket path '{SocketPath}' is longer than {MaxSocketPathBytes} bytes, which Unix sockets do not allow.",
                $"Set {OverrideVariable} to a shorter folder, for example /tmp/packd-{UnixFileStatus.CurrentUid}.");
        }

        try
        {
            if (UnixFileStatus.Read(Path) is null)
            {
                Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeDirectoryException($"cannot create the runtime folder '{Path}': {ex.Message}",
                $"Create it yourself with 'mkdir -m 700 {Path}', or set {OverrideVariable} to a folder you own.");
        }

        Verify();
    }

    /// <summary>Checks the folder without creating it; clients call this before trusting daemon.json or the socket.</summary>
    public void Verify()
    {
        var status = UnixFileStatus.Read(Path)
            ?? throw new RuntimeDirectoryException($"the runtime folder '{Path}' does not exist.", "Start the daemon with 'packd daemon'.");
        var fix = $"Remove it ('rm -rf {Path}') so packd can create it safely, or set {OverrideVariable} to a folder only you can write.";
        if (status.IsSymlink || !status.IsDirectory)
        {
            throw new RuntimeDirectoryException($"the runtime folder '{Path}' is a symlink or not a folder.", fix);
        }

        if (status.OwnerUid != UnixFileStatus.CurrentUid)
        {
            throw new RuntimeDirectoryException(
                $"the runtime folder '{Path}' belongs to uid {status.OwnerUid}, not to you (uid {UnixFileStatus.CurrentUid}).", fix);
        }

        const uint GroupOrOtherWrite = 0b000_010_010; // 0022
        if ((status.Permissions & GroupOrOtherWrite) != 0)
        {
            throw new RuntimeDirectoryException(
                $"the runtime folder '{Path}' is writable by other users (mode {Convert.ToString(status.Permissions, 8)}).",
                $"Run 'chmod 700 {Path}'.");
        }
    }
}
