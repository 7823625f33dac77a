namespace PackDaemon.Engine.Watching;

/// <summary>
/// The fallback when the kernel will not watch the root: every interval, stat the whole tree (minus dropped folders)
/// and report each path whose size, write time or kind changed, appeared or vanished.
/// </summary>
/// <remarks>Costs one stat per file per interval and sees a change up to one interval late; content rewritten with
/// the same size within the file system's timestamp granularity is missed, as with any poller.</remarks>
internal sealed class PollingTreeWatcher : ITreeWatcher
{
    private readonly string _root;
    private readonly PathFilter _filter;
    private readonly ITreeWatcherSink _sink;
    private readonly Lock _pollLock = new();
    private readonly ITimer _timer;
    private Dictionary<string, PolledEntry> _previous;
    private bool _disposed;

    public PollingTreeWatcher(string root, PathFilter filter, ITreeWatcherSink sink, TimeProvider time, TimeSpan interval)
    {
        _root = root;
        _filter = filter;
        _sink = sink;
        _previous = Stamp();
        _timer = time.CreateTimer(static state => ((PollingTreeWatcher)state!).PollNow(), this, interval, interval);
    }

    public string Mode => "polling";

    public bool PollNow()
    {
        // A poll that is still walking when the next tick comes makes the tick wait rather than walk twice at once.
        lock (_pollLock)
        {
            if (_disposed)
            {
                return true;
            }

            var current = Stamp();
            foreach (var (path, stamp) in current)
            {
                if (!_previous.TryGetValue(path, out var before) || before != stamp)
                {
                    _sink.OnPath(path);
                }
            }

            foreach (var path in _previous.Keys)
            {
                if (!current.ContainsKey(path))
                {
                    _sink.OnPath(path);
                }
            }

            _previous = current;
            return true;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_pollLock)
        {
            _disposed = true;
        }
    }

    private Dictionary<string, PolledEntry> Stamp()
    {
        var stamps = new Dictionary<string, PolledEntry>(StringComparer.Ordinal);
        TreeScanner.Walk(_root, "", _filter, (path, info) =>
        {
            var isFolder = (info.Attributes & FileAttributes.Directory) != 0;
            var length = !isFolder && info is FileInfo file ? file.Length : 0;
            var mode = OperatingSystem.IsWindows() ? 0 : (int)info.UnixFileMode;
            stamps[path] = new PolledEntry(isFolder, length, info.LastWriteTimeUtc.Ticks, mode);
        });
        return stamps;
    }
}
