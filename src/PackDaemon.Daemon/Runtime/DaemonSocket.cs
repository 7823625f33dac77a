using System.Net.Sockets;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Runtime;

/// <summary>The listening Unix socket, bound once before the host starts so that a failure is an exit code, not a
/// crashed background service.</summary>
internal sealed class DaemonSocket : IDisposable
{
    private DaemonSocket(string path, Socket listener, ulong inode)
    {
        Path = path;
        Listener = listener;
        Inode = inode;
    }

    public string Path { get; }

    public Socket Listener { get; }

    /// <summary>Which socket file is ours: at exit it is removed only if it is still this one.</summary>
    public ulong Inode { get; }

    /// <summary>
    /// Binds <paramref name="path"/>. A leftover socket file is probed first: a daemon that answers there wins and
    /// this returns null. Only a refused connection proves the file stale (never its age), and only the holder of
    /// the instance lock gets here, so unlinking it cannot race another daemon's bind.
    /// </summary>
    public static DaemonSocket? BindOrDetectRunning(string path)
    {
        if (UnixFileStatus.Read(path) is not null)
        {
            if (SomeoneAnswers(path))
            {
                return null;
            }

            File.Delete(path);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            // The folder is 0700, so nobody else can reach the socket even before this; 0600 keeps it private if the
            // folder's mode is ever loosened.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(128);
            var inode = UnixFileStatus.Read(path)?.Inode ?? 0;
            return new DaemonSocket(path, listener, inode);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public static bool SomeoneAnswers(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Removes the socket file if it is still the one this daemon bound.</summary>
    public void RemoveIfOurs()
    {
        if (UnixFileStatus.Read(Path) is { } status && status.Inode == Inode)
        {
            File.Delete(Path);
        }
    }

    public void Dispose() => Listener.Dispose();
}
