using System.Collections.Concurrent;

namespace PackDaemon.Engine.Watching;

/// <summary>
/// watchman's cookie: to know that every event for changes made before now has been delivered, create a uniquely
/// named file and wait until the watcher reports it. inotify keeps events in order, so by then every earlier event has
/// gone through the filter into the settle window.
/// </summary>
/// <remarks>Cookies live in <c>.packd_cache/cookies</c>: the selector never packages <c>.packd_cache</c>, the filter
/// lets only this folder through, and <c>.packd_cache/.gitignore</c> keeps them out of git.</remarks>
internal sealed class CookieSync
{
    private static long s_counter;

    private readonly string _root;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    public CookieSync(string root, TimeProvider time)
    {
        _root = root;
        _time = time;
    }

    /// <summary>Creates the cookie folder. Done before the watcher starts, so the folder's own watch exists before the
    /// first cookie is written in it.</summary>
    public void EnsureFolder()
    {
        var cache = Path.Combine(_root, ".packd_cache");
        Directory.CreateDirectory(Path.Combine(_root, PathFilter.CookieFolder));
        var ignore = Path.Combine(cache, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "*\n");
        }
    }

    /// <summary>Writes a cookie and waits for the watcher to report it. False when it did not come in time or could
    /// not be written; the caller then reconciles everything rather than trusting the events.</summary>
    public async Task<bool> SyncAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = $"cookie-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}";
        var relative = PathFilter.CookieFolder + "/" + name;
        var fullPath = Path.Combine(_root, PathFilter.CookieFolder, name);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[relative] = arrived;
        try
        {
            EnsureFolder();
            await File.WriteAllBytesAsync(fullPath, [], cancellationToken).ConfigureAwait(false);
            await arrived.Task.WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            _waiting.TryRemove(relative, out _);
            TryDelete(fullPath);
        }
    }

    /// <summary>Called for every reported path under the cookie folder.</summary>
    public void Observe(string relativePath)
    {
        if (_waiting.TryRemove(relativePath, out var arrived))
        {
            arrived.TrySetResult();
        }
    }

    private static void TryDelete(string fullPath)
    {
        try
        {
            File.Delete(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover cookie is harmless: it lives in an ignored folder and is never packaged.
        }
    }
}
