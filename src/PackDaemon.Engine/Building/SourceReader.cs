using Microsoft.Win32.SafeHandles;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Reads whole source files: one open, as few reads as the size allows (one, usually), no zeroing of buffers the read
/// fills anyway.
/// Arrays are pinned because kept bytes live until the artifacts are written and pinned arrays are never copied between
/// GC generations; measured here, that was within noise of ordinary arrays and never slower.
/// </summary>
internal static class SourceReader
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>Reads the file into this thread's reusable buffer; the span is valid until the thread's next call.</summary>
    /// <param name="expectedSize">The size the tree walk saw. Reading one byte more than expected catches a file that
    /// grew since, and then its real length is asked for.</param>
    /// <param name="stamp">The file's stamp, taken on the open handle before reading, so a write after it shows in
    /// the next stat.</param>
    public static ReadOnlySpan<byte> ReadIntoThreadBuffer(string path, long expectedSize, out Incremental.FileStamp stamp)
        => OperatingSystem.IsLinux() ? ReadNative(path, expectedSize, out stamp) : ReadPortable(path, expectedSize, out stamp);

    /// <summary>Reads a file this build stat'ed already (<paramref name="statSize"/> is that stat's size): open, one
    /// pread when the file still has that size, close. Without a Linux descriptor API, as <see cref="ReadIntoThreadBuffer(string, long, out Incremental.FileStamp)"/>.</summary>
    public static ReadOnlySpan<byte> ReadWalked(string path, long statSize) => ReadWalked(path, statSize, null, out _);

    /// <inheritdoc cref="ReadWalked(string, long)"/>
    /// <param name="recheckAgainst">When set (the walk's stamp of the file), the open descriptor is stat'ed once the bytes
    /// are in: an fstat needs no path lookup, unlike a re-stat of the path after the build.</param>
    /// <param name="changed">With <paramref name="recheckAgainst"/>: the file's stamp is not the walk's any more, so the
    /// bytes read may not be the file the walk saw, or a mix of two versions of it.</param>
    public static ReadOnlySpan<byte> ReadWalked(string path, long statSize, Incremental.FileStamp? recheckAgainst, out bool changed)
    {
        changed = false;
        if (!OperatingSystem.IsLinux())
        {
            var portable = ReadPortable(path, statSize, out var stamp);
            changed = recheckAgainst is { } walked && stamp != walked;
            return portable;
        }

        int fd = NativeFile.OpenForReading(path);
        try
        {
            var bytes = ReadOpen(fd, path, statSize);
            if (recheckAgainst is { } expected)
            {
                changed = !Statx.TryDescriptor(fd, out var node, out _) || Incremental.FileStatus.ToStamp(node) != expected;
            }

            return bytes;
        }
        finally
        {
            NativeFile.Close(fd);
        }
    }

    /// <summary>open, statx on the descriptor, one pread, close: when the read comes back short and exactly as long
    /// as the stat said, that read already proved the end of the file, so no second pread is made to see 0.</summary>
    private static ReadOnlySpan<byte> ReadNative(string path, long expectedSize, out Incremental.FileStamp stamp)
    {
        int fd = NativeFile.OpenForReading(path);
        try
        {
            if (!Statx.TryDescriptor(fd, out var node, out int errno))
            {
                throw NativeFile.Failure(errno, path, "stat");
            }

            stamp = Incremental.FileStatus.ToStamp(node);
            if (node.Kind == NodeKind.Directory)
            {
                throw new UnauthorizedAccessException($"'{path}' is a folder now, not a file.");
            }

            if (node.Kind != NodeKind.File)
            {
                return []; // a FIFO, socket or device swapped in since the walk: packaged empty, as one met in the walk
            }

            return ReadOpen(fd, path, node.Size, expectedSize);
        }
        finally
        {
            NativeFile.Close(fd);
        }
    }

    /// <param name="statSize">The size a stat made before this read reported.</param>
    /// <param name="expectedSize">The walk's size, when larger: the buffer is sized for the larger of the two.</param>
    private static ReadOnlySpan<byte> ReadOpen(int fd, string path, long statSize, long expectedSize = 0)
    {
        long want = Math.Min(Math.Max(Math.Max(statSize, expectedSize), 0) + 1, Array.MaxLength);
        var buffer = EnsureThreadBuffer(want);
        var span = buffer.AsSpan(0, (int)want);
        int read = NativeFile.ReadAt(fd, span, 0, path);
        if (ProvesEnd(read, want, statSize))
        {
            return buffer.AsSpan(0, read);
        }

        // The file changed since its stat (or the read was cut short): read on until a read returns 0.
        while (read < want)
        {
            int more = NativeFile.ReadAt(fd, span[read..], read, path);
            if (more == 0)
            {
                return buffer.AsSpan(0, read);
            }

            read += more;
        }

        // It grew past the buffer: ask the descriptor for its length now and read it whole.
        if (!Statx.TryDescriptor(fd, out var node, out int errno))
        {
            throw NativeFile.Failure(errno, path, "stat");
        }

        long length = node.Size <= Array.MaxLength ? node.Size : throw TooLarge(path);
        buffer = EnsureThreadBuffer(length);
        span = buffer.AsSpan(0, (int)length);
        read = 0;
        while (read < length)
        {
            int more = NativeFile.ReadAt(fd, span[read..], read, path);
            if (more == 0)
            {
                break;
            }

            read += more;
        }

        return buffer.AsSpan(0, read);
    }

    /// <summary>A pread that returned less than asked has met the end of a regular file; when it also returned exactly
    /// the size the stat on the same descriptor reported, nothing was written in between, so a second pread (which
    /// would return 0) proves nothing more. Any other short read is followed up until a read returns 0.</summary>
    internal static bool ProvesEnd(int read, long requested, long statSize) => read < requested && read == statSize;

    private static ReadOnlySpan<byte> ReadPortable(string path, long expectedSize, out Incremental.FileStamp stamp)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stamp = Incremental.FileStatus.ToStamp(Statx.Path(path));
        long want = Math.Min(Math.Max(Math.Max(expectedSize, stamp.Size), 0) + 1, Array.MaxLength);
        var buffer = EnsureThreadBuffer(want);
        int read = ReadFully(handle, buffer.AsSpan(0, (int)want));
        if (read < want)
        {
            return buffer.AsSpan(0, read);
        }

        long length = CheckedLength(handle, path);
        buffer = EnsureThreadBuffer(length);
        return buffer.AsSpan(0, ReadFully(handle, buffer.AsSpan(0, (int)length)));
    }

    /// <inheritdoc cref="ReadIntoThreadBuffer(string, long, out Incremental.FileStamp)"/>
    public static ReadOnlySpan<byte> ReadIntoThreadBuffer(string path, long expectedSize) => ReadIntoThreadBuffer(path, expectedSize, out _);

    private static byte[] EnsureThreadBuffer(long length)
    {
        var buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<byte>((int)Math.Max(length, 256 * 1024), pinned: true);
            t_buffer = buffer;
        }

        return buffer;
    }

    public static byte[] ReadAll(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var bytes = GC.AllocateUninitializedArray<byte>((int)CheckedLength(handle, path), pinned: true);
        int total = ReadFully(handle, bytes);

        // The file shrank between the stat and the read: keep what is there now.
        return total == bytes.Length ? bytes : bytes.AsSpan(0, total).ToArray();
    }

    private static long CheckedLength(SafeFileHandle handle, string path)
    {
        long length = RandomAccess.GetLength(handle);
        return length <= Array.MaxLength ? length : throw TooLarge(path);
    }

    private static IOException TooLarge(string path) => new($"'{path}' is larger than 2 GB; it cannot go into a wheel.");

    private static int ReadFully(SafeFileHandle handle, Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int read = RandomAccess.Read(handle, destination[total..], total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
