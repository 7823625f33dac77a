using Microsoft.Win32.SafeHandles;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Reads whole source files: one open, as few reads as the size allows, no zeroing of buffers the read fills anyway.
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
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stamp = Incremental.FileStatus.Stat(handle, path);
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
        return length <= Array.MaxLength ? length : throw new IOException($"'{path}' is larger than 2 GB; it cannot go into a wheel.");
    }

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
