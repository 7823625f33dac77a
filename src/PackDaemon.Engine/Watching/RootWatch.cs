namespace PackDaemon.Engine.Watching;

/// <summary>
/// Watches one root and routes what it sees: cookies to <see cref="CookieSync"/>, git's markers to the settle window's
/// git deferral, every other path (plus the real file behind an editor's temp name) into the settle window as a hint.
/// Lost events become a full reconcile, counted in <see cref="Rescans"/>; a root the kernel will not watch is polled.
/// </summary>
internal sealed class RootWatch : ITreeWatcherSink, IDisposable
{
    private readonly string _root;
    private readonly TimeProvider _time;
    private readonly TreeWatcherFactory _createWatcher;
    private readonly TimeSpan _pollInterval;
    private readonly SettleWindow _settle;
    private readonly CookieSync _cookies;
    private readonly PathFilter _filter;
    private readonly Lock _lock = new();
    private ITreeWatcher? _watcher;
    private string? _warning;
    private int _rescans;
    private bool _disposed;

    public RootWatch(string root, TimeProvider time, TreeWatcherFactory createWatcher, TimeSpan pollInterval, SettleWindow settle)
    {
        _root = root;
        _time = time;
        _createWatcher = createWatcher;
        _pollInterval = pollInterval;
        _settle = settle;
        _cookies = new CookieSync(root, time);
        _filter = new PathFilter(root);
    }

    public bool IsWatching
    {
        get
        {
            lock (_lock)
            {
                return _watcher is not null;
            }
        }
    }

    /// <summary><c>events</c> or <c>polling</c>.</summary>
    public string Mode
    {
        get
        {
            lock (_lock)
            {
                return _watcher?.Mode ?? "events";
            }
        }
    }

    /// <summary>Why the root is polled and how to fix it, or null.</summary>
    public string? Warning
    {
        get
        {
            lock (_lock)
            {
                return _warning;
            }
        }
    }

    /// <summary>Full reconciles forced by lost events (overflow, watcher error, late cookie, explicit request).</summary>
    public int Rescans => Volatile.Read(ref _rescans);

    public string? LastRescanReason { get; private set; }

    public void Start()
    {
        try
        {
            _cookies.EnsureFolder();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without the folder every cookie times out and each request reconciles everything: slower, still correct.
        }

        ITreeWatcher watcher;
        string? warning = null;
        try
        {
            watcher = _createWatcher(_root, _filter, this);
        }
        catch (Exception ex) when (WatchFailures.CanFallBackToPolling(ex))
        {
            watcher = new PollingTreeWatcher(_root, _filter, this, _time, _pollInterval);
            warning = WatchFailures.PollingWarning(ex.Message, WatchFailures.IsInotifyLimit(ex), _pollInterval);
        }

        lock (_lock)
        {
            if (_disposed)
            {
                watcher.Dispose();
                return;
            }

            _watcher = watcher;
            _warning = warning;
        }
    }

    /// <summary>Makes sure every change made before the call has reached the settle window. A late cookie forces a full
    /// reconcile instead, so the caller never builds from a view that may be stale.</summary>
    public async Task SyncAsync(TimeSpan cookieTimeout, CancellationToken cancellationToken)
    {
        ITreeWatcher? watcher;
        lock (_lock)
        {
            watcher = _watcher;
        }

        if (watcher is null || watcher.PollNow())
        {
            return;
        }

        if (!await _cookies.SyncAsync(cookieTimeout, cancellationToken).ConfigureAwait(false))
        {
            OnRescanNeeded("the watcher did not report the sync cookie in time");
        }
    }

    public void OnPath(string relativePath)
    {
        if (PathFilter.IsCookiePath(relativePath))
        {
            _cookies.Observe(relativePath);
            return;
        }

        if (relativePath.StartsWith(".git/", StringComparison.Ordinal))
        {
            _settle.PokeGit();
            return;
        }

        _settle.Add(relativePath);
        if (EditorTempFiles.RealTarget(relativePath) is { } real)
        {
            _settle.Add(real);
        }
    }

    public void OnRescanNeeded(string reason)
    {
        Interlocked.Increment(ref _rescans);
        LastRescanReason = reason;
        _settle.AddEverything();
    }

    public void OnWatchLimitReached(string reason)
    {
        // Called on the watcher's own thread: dispose it elsewhere, never from inside its handler.
        ITreeWatcher? failed;
        var poller = new PollingTreeWatcher(_root, _filter, this, _time, _pollInterval);
        lock (_lock)
        {
            if (_disposed || _watcher is PollingTreeWatcher)
            {
                poller.Dispose();
                return;
            }

            failed = _watcher;
            _watcher = poller;
            _warning = WatchFailures.PollingWarning(reason, isInotifyLimit: true, _pollInterval);
        }

        OnRescanNeeded(reason);
        if (failed is not null)
        {
            ThreadPool.QueueUserWorkItem(static w => w.Dispose(), failed, preferLocal: false);
        }
    }

    public void Dispose()
    {
        ITreeWatcher? watcher;
        lock (_lock)
        {
            _disposed = true;
            watcher = _watcher;
            _watcher = null;
        }

        watcher?.Dispose();
    }
}
