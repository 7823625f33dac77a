namespace PackDaemon.Engine.Watching;

/// <summary>
/// One recursive <see cref="FileSystemWatcher"/> on the root. Every event is only a hint: its kind is ignored except to
/// know that a created or renamed-in folder must be scanned, because events inside it can come before its watch exists.
/// </summary>
/// <remarks>
/// <para>Cost: on .NET 10 each watcher is one inotify instance (default limit 128 per user), and recursion adds one
/// inotify watch per folder, ignored ones included: <c>IncludeSubdirectories</c> cannot exclude, and non-recursive
/// watchers per folder would each cost an instance. Measured (.NET 10, Linux, 2 shared cores): a tree whose
/// node_modules holds 5,100 folders took 153 ms to start and used 5,103 inotify watches, about 5 MB of unswappable
/// kernel memory (~1 KB each) and 2.7% of this machine's max_user_watches (192,536; distributions ship 8,192 to
/// 1,048,576). We accept that: dropping node_modules' events in the handler keeps them from costing builds, and when
/// the kernel refuses watches the root falls back to polling (see <see cref="RootWatch"/>).</para>
/// <para>Events are filtered in the handler, before any queue. The handler runs on the watcher's thread, in kernel
/// order, which is what cookie sync relies on: a new-folder scan is therefore done inline, not queued.</para>
/// </remarks>
internal sealed class FileSystemTreeWatcher : ITreeWatcher
{
    private readonly string _root;
    private readonly PathFilter _filter;
    private readonly ITreeWatcherSink _sink;
    private readonly FileSystemWatcher _watcher;

    private FileSystemTreeWatcher(string root, PathFilter filter, ITreeWatcherSink sink, FileSystemWatcher watcher)
    {
        _root = root;
        _filter = filter;
        _sink = sink;
        _watcher = watcher;
        _watcher.Path = root;
        _watcher.IncludeSubdirectories = true;
        // Attributes: chmod +x changes the mode recorded in the wheel. Size and LastWrite: content.
        _watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite
            | NotifyFilters.Size | NotifyFilters.Attributes | NotifyFilters.CreationTime;
        // The largest buffer Windows accepts; on Linux the kernel queue (max_queued_events) is the real bound.
        _watcher.InternalBufferSize = 64 * 1024;
        _watcher.Changed += (_, e) => Report(e.FullPath, scanIfFolder: false);
        _watcher.Deleted += (_, e) => Report(e.FullPath, scanIfFolder: false);
        _watcher.Created += (_, e) => Report(e.FullPath, scanIfFolder: true);
        _watcher.Renamed += (_, e) =>
        {
            // An atomic save renames a temp over the target: both paths are hints, the builder re-stats both.
            Report(e.OldFullPath, scanIfFolder: false);
            Report(e.FullPath, scanIfFolder: true);
        };
        _watcher.Error += (_, e) => OnError(e.GetException());
    }

    public string Mode => "events";

    /// <summary>The production <see cref="TreeWatcherFactory"/>. Throws (IOException) when inotify refuses the root.</summary>
    public static ITreeWatcher Create(string root, PathFilter filter, ITreeWatcherSink sink)
        => Create(root, filter, sink, new FileSystemWatcher());

    /// <summary>Wraps a given watcher: tests pass a subclass that can raise <see cref="FileSystemWatcher.Error"/>.</summary>
    internal static ITreeWatcher Create(string root, PathFilter filter, ITreeWatcherSink sink, FileSystemWatcher fileSystemWatcher)
    {
        var watcher = new FileSystemTreeWatcher(root, filter, sink, fileSystemWatcher);
        try
        {
            // On Linux this adds the watches for every existing folder before returning, so a cookie written after
            // Start is always seen.
            watcher._watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
    }

    public bool PollNow() => false;

    public void Dispose() => _watcher.Dispose();

    private void Report(string fullPath, bool scanIfFolder)
    {
        try
        {
            var relative = ToRelative(fullPath);
            if (relative is null || !_filter.ShouldReport(relative))
            {
                return;
            }

            _sink.OnPath(relative);
            if (scanIfFolder && Directory.Exists(fullPath) && !PathFilter.IsCookiePath(relative))
            {
                TreeScanner.Walk(_root, relative, _filter, (path, _) => _sink.OnPath(path));
            }
        }
#pragma warning disable CA1031 // An exception escaping an event handler would end the daemon; a lost event is a rescan.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _sink.OnRescanNeeded($"watcher event for {fullPath} failed: {ex.Message}");
        }
    }

    private void OnError(Exception exception)
    {
        if (WatchFailures.IsInotifyLimit(exception))
        {
            _sink.OnWatchLimitReached(exception.Message);
        }
        else
        {
            _sink.OnRescanNeeded(exception is InternalBufferOverflowException ? "watcher queue overflow" : exception.Message);
        }
    }

    private string? ToRelative(string fullPath)
    {
        var relative = Path.GetRelativePath(_root, fullPath);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal))
        {
            return null;
        }

        // On Linux a backslash is a legal file name character, so only translate where it is the separator.
        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
