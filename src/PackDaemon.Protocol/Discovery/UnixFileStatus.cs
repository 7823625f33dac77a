using System.Runtime.InteropServices;

namespace PackDaemon.Protocol.Discovery;

/// <summary>
/// The owner, mode and type of a path, read with statx(2) without following a final symlink. .NET has no API for a
/// file's owner, and the runtime directory's safety rests on it. statx's struct layout is the same on every Linux
/// architecture, unlike struct stat's, so one declaration serves x64 and arm64.
/// </summary>
public readonly record struct UnixFileStatus(uint OwnerUid, uint Mode, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const uint FileTypeMask = 0xF000; // S_IFMT
    private const uint DirectoryType = 0x4000; // S_IFDIR
    private const uint SymlinkType = 0xA000; // S_IFLNK
    private const uint SocketType = 0xC000; // S_IFSOCK

    public bool IsDirectory => (Mode & FileTypeMask) == DirectoryType;

    public bool IsSymlink => (Mode & FileTypeMask) == SymlinkType;

    public bool IsSocket => (Mode & FileTypeMask) == SocketType;

    /// <summary>The permission bits (e.g. 0700).</summary>
    public uint Permissions => Mode & 0xFFF;

    /// <summary>Reads the status of <paramref name="path"/> itself (a symlink is reported as a symlink).</summary>
    /// <returns>null when the path does not exist.</returns>
    /// <exception cref="IOException">For any other failure, with the errno in the message.</exception>
    public static UnixFileStatus? Read(string path)
    {
        // struct statx is 256 bytes; stx_uid is at offset 20, stx_mode (u16) at 28, stx_ino (u64) at 32.
        Span<byte> buffer = stackalloc byte[256];
        int rc;
        unsafe
        {
            fixed (byte* p = buffer)
            {
                rc = NativeMethods.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, p);
            }
        }

        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            const int NoSuchEntry = 2;
            const int NotADirectory = 20;
            if (errno is NoSuchEntry or NotADirectory)
            {
                return null;
            }

            throw new IOException($"statx('{path}') failed: {Marshal.GetPInvokeErrorMessage(errno)}");
        }

        var uid = BitConverter.ToUInt32(buffer[20..24]);
        var mode = BitConverter.ToUInt16(buffer[28..30]);
        var inode = BitConverter.ToUInt64(buffer[32..40]);
        return new UnixFileStatus(uid, mode, inode);
    }

    /// <summary>The effective uid of this process.</summary>
    public static uint CurrentUid => NativeMethods.GetEuid();
}
