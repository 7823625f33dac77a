using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// stat for the file index: size, nanosecond mtime, inode and the execute bits, which .NET's FileInfo does not give
/// together (no inode at all). Uses Linux statx, whose struct layout is the same on every architecture, unlike stat's.
/// </summary>
internal static partial class FileStatus
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7FF;
    private const int StatxSize = 256;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;
    private const int ExecuteBits = 0x49; // 0111

    public enum Kind
    {
        Missing,
        File,
        Directory,
        Other,
    }

    /// <summary>Stats a path, following symlinks (the walker reads an in-root link's target through the link).</summary>
    public static Kind Stat(string fullPath, out FileStamp stamp)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Portable(fullPath, out stamp);
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        if (Statx(AtFdCwd, fullPath, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            stamp = default;
            return Kind.Missing;
        }

        return Decode(buffer, out stamp);
    }

    /// <summary>Stats an open file, so the stamp recorded belongs to the handle whose bytes are then read.</summary>
    public static FileStamp Stat(SafeFileHandle handle, string fullPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            Portable(fullPath, out var portable);
            return portable;
        }

        bool added = false;
        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            if (Statx(fd, string.Empty, AtEmptyPath, StatxBasicStats, ref MemoryMarshal.GetReference(buffer)) != 0)
            {
                throw new IOException($"cannot stat '{fullPath}' (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        Decode(buffer, out var stamp);
        return stamp;
    }

    private static Kind Decode(ReadOnlySpan<byte> statx, out FileStamp stamp)
    {
        int mode = BinaryPrimitives.ReadUInt16LittleEndian(statx[28..]);
        ulong inode = BinaryPrimitives.ReadUInt64LittleEndian(statx[32..]);
        long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(statx[40..]);
        long seconds = BinaryPrimitives.ReadInt64LittleEndian(statx[112..]);
        uint nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statx[120..]);
        stamp = new FileStamp(size, (seconds * 1_000_000_000) + nanoseconds, inode, (mode & ExecuteBits) != 0);
        return (mode & FileTypeMask) switch
        {
            RegularFile => Kind.File,
            Directory => Kind.Directory,
            _ => Kind.Other,
        };
    }

    private static Kind Portable(string fullPath, out FileStamp stamp)
    {
        var info = new FileInfo(fullPath);
        if (info.Exists)
        {
            long ns = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100;
            stamp = new FileStamp(info.Length, ns, 0, false);
            return Kind.File;
        }

        stamp = default;
        return System.IO.Directory.Exists(fullPath) ? Kind.Directory : Kind.Missing;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, ref byte buffer);
}
