using System.Security.Cryptography;

namespace PackDaemon.Packaging.Archives;

/// <summary>Writes a file through a temp file in the same folder and a rename, so readers never see a partial artifact.</summary>
public static class AtomicFile
{
    /// <remarks>
    /// The temp file lives in the target folder so the final rename stays on one filesystem (atomic on POSIX). Its name
    /// is hidden (leading dot) and random, so concurrent builds of the same artifact never share a temp file. The data
    /// is flushed to disk before the rename: otherwise a crash could leave the new name pointing at empty blocks.
    /// On any failure, including <paramref name="write"/> throwing, the temp file is deleted, the previous artifact is
    /// untouched and the exception propagates unchanged.
    /// </remarks>
    public static void Write(string path, Action<Stream> write)
    {
        using var prepared = Prepare(path, write);
        prepared.Commit();
    }

    /// <summary>
    /// Writes the temp file (flushed to disk) without renaming it, so a caller producing several artifacts can rename
    /// them only once all were written. Disposing an uncommitted <see cref="PreparedFile"/> deletes the temp file.
    /// </summary>
    public static PreparedFile Prepare(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);

        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no parent folder.", nameof(path));
        Directory.CreateDirectory(folder);

        string tempPath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            return new PreparedFile(tempPath, fullPath);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    internal static void TryDeleteTemp(string tempPath) => TryDelete(tempPath);

    private static void TryDelete(string tempPath)
    {
        try
        {
            File.Delete(tempPath);
        }
        catch (IOException)
        {
            // The original exception matters more; a leftover hidden temp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
