using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Archives;

/// <summary>Writes a file through a temp file in the same folder and a rename, so readers never see a partial artifact.</summary>
public static partial class AtomicFile
{
    /// <remarks>
    /// The temp file lives in the target folder so the final rename stays on one filesystem (atomic on POSIX). Its name
    /// is hidden (leading dot), carries the writer's pid and a random part, so concurrent builds of the same artifact
    /// never share a temp file, and a temp file left by a killed writer (kill -9, power loss) is recognised and swept by
    /// the next writer of the same artifact: its pid no longer runs. The data
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
    /// <param name="durable">Flush the data to disk before the rename (fsync). Without it the rename is still atomic
    /// for every reader and survives the writer being killed (the data is in the page cache); only a crash of the whole
    /// machine could then leave the new name pointing at unwritten blocks.</param>
    public static PreparedFile Prepare(string path, Action<Stream> write, bool durable = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);

        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no parent folder.", nameof(path));
        Directory.CreateDirectory(folder);

        SweepAbandoned(folder, Path.GetFileName(fullPath));
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string tempPath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{pid}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
        try
        {
            using (var stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
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

    /// <summary>Deletes the temp files of <paramref name="fileName"/> whose writer process no longer exists.</summary>
    /// <returns>How many were deleted.</returns>
    public static int SweepAbandoned(string folder, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        int swept = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, "." + fileName + ".*.tmp");
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }

        foreach (var candidate in candidates)
        {
            var match = TempName().Match(Path.GetFileName(candidate)[(fileName.Length + 1)..]);
            if (match.Success
                && int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !IsRunning(pid))
            {
                TryDelete(candidate);
                swept++;
            }
        }

        return swept;
    }

    /// <summary>Whether a process with this pid exists. A recycled pid only delays the sweep to a later build.</summary>
    private static bool IsRunning(int pid) => pid == Environment.ProcessId || Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture))
        || (!OperatingSystem.IsLinux() && ProcessExists(pid));

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.(?<pid>[0-9]{1,10})\.[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempName();

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
