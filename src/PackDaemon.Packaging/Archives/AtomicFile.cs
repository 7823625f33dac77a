using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Archives;

/// <summary>Writes a file through a temp file in the same folder and a rename, so readers never see a partial artifact.</summary>
public static partial class AtomicFile
{
    private const string TempPrefix = ".packd-";

    /// <remarks>
    /// The temp file lives in the target folder so the final rename stays on one filesystem (atomic on POSIX). Its name
    /// is hidden (leading dot), short, and carries the writer's pid and a random part, so concurrent builds never share a
    /// temp file, and a temp file left by a killed writer (kill -9, power loss) is recognised and swept by the next
    /// write into that folder: its pid no longer runs. The data
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

        SweepAbandoned(folder);
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // Short and of fixed length whatever the artifact's name: a 230-character project name once made a temp name
        // past the 255-byte limit, and the build failed only at publish.
        string tempPath = Path.Combine(folder, $"{TempPrefix}{pid}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");
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

    /// <summary>Deletes the temp files in <paramref name="folder"/> whose writer process no longer exists: this
    /// version's (<c>.packd-PID-HEX.tmp</c>) and those of versions that named them after the artifact
    /// (<c>.NAME.PID.HEX.tmp</c>), so a kill -9 under any version is cleaned up by the next build.</summary>
    /// <returns>How many were deleted.</returns>
    public static int SweepAbandoned(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        int swept = 0;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, ".*.tmp");
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }

        foreach (var candidate in candidates)
        {
            var match = TempName().Match(Path.GetFileName(candidate));
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

    [GeneratedRegex(@"^(\.packd-(?<pid>[0-9]{1,10})-|\..+\.(?<pid>[0-9]{1,10})\.)[0-9a-f]{16}\.tmp$", RegexOptions.CultureInvariant)]
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
