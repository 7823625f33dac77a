using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using PackDaemon.Daemon.Interop;

namespace PackDaemon.Daemon.Connections;

/// <summary>Who is at the other end of a Unix socket, as the kernel saw it at connect time: it cannot be forged by
/// the peer, unlike anything the peer sends.</summary>
internal readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    public static PeerCredentials Read(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (OperatingSystem.IsLinux())
        {
            // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
            Span<byte> ucred = stackalloc byte[12];
            var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
            if (length < 12)
            {
                throw new SocketException((int)SocketError.ProtocolNotSupported);
            }

            return new PeerCredentials(
                BinaryPrimitives.ReadInt32LittleEndian(ucred),
                BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]),
                BinaryPrimitives.ReadUInt32LittleEndian(ucred[8..]));
        }

        // macOS has no SO_PEERCRED; getpeereid gives the uid (the pid is not needed for the check).
        if (LibC.GetPeerEid((int)socket.SafeHandle.DangerousGetHandle(), out var uid, out var gid) != 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }

        return new PeerCredentials(0, uid, gid);
    }
}
