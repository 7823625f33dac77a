namespace PackDaemon.Engine.Watching;

/// <summary>
/// Gathers hints until the tree is quiet, then hands them on as one batch: after <c>quiet</c> without a new hint, or
/// <c>cap</c> after the batch's first hint even if hints keep coming (a file written continuously still gets built).
/// While git holds its lock or a rebase or merge runs, the batch is held (waiting for git) for at most
/// <c>gitWaitCap</c>, so a checkout of thousands of files gives one build of a consistent tree.
/// </summary>
/// <remarks>
/// All timing goes through the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock and never sleep.
/// The batch callback runs outside the lock, on the timer's thread.
/// </remarks>
internal sealed class SettleWindow : IDisposable
{
    private static readonly TimeSpan s_minimumDelay = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _time;
    private readonly TimeSpan _quiet;
    private readonly TimeSpan _cap;
    private readonly TimeSpan _gitWaitCap;
    private readonly TimeSpan _gitRecheck;
    private readonly Func<bool> _gitBusy;
    private readonly Action<HintSet> _onSettled;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private readonly HintSet _pending = new();
    private DateTimeOffset _firstHintAt;
    private DateTimeOffset _lastHintAt;
    private DateTimeOffset? _gitWaitStartedAt;
    private DateTimeOffset _gitRecheckAt;
    private bool _disposed;

    public SettleWindow(
        TimeProvider time, TimeSpan quiet, TimeSpan cap, TimeSpan gitWaitCap, TimeSpan gitRecheck, Func<bool> gitBusy, Action<HintSet> onSettled)
    {
        _time = time;
        _quiet = quiet;
        _cap = cap;
        _gitWaitCap = gitWaitCap;
        _gitRecheck = gitRecheck;
        _gitBusy = gitBusy;
        _onSettled = onSettled;
        _timer = time.CreateTimer(static state => ((SettleWindow)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Hinted paths not yet handed on.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>True while hints wait for quiet or for git.</summary>
    public bool IsSettling
    {
        get
        {
            lock (_lock)
            {
                return !_pending.IsEmpty;
            }
        }
    }

    public bool IsWaitingForGit
    {
        get
        {
            lock (_lock)
            {
                return _gitWaitStartedAt is not null;
            }
        }
    }

    /// <summary>Batches that were built although git still looked busy, because the deferral reached its cap.</summary>
    public int GitWaitsCapped { get; private set; }

    public void Add(string relativePath)
    {
        lock (_lock)
        {
            var opensBatch = _pending.IsEmpty;
            _pending.Add(relativePath);
            NoteHint(opensBatch);
        }
    }

    public void AddEverything()
    {
        lock (_lock)
        {
            var opensBatch = _pending.IsEmpty;
            _pending.AddEverything();
            NoteHint(opensBatch);
        }
    }

    /// <summary>Something changed among git's markers: while deferring, look again once things have been quiet.</summary>
    public void PokeGit()
    {
        lock (_lock)
        {
            if (_gitWaitStartedAt is { } started)
            {
                var now = _time.GetUtcNow();
                _gitRecheckAt = Min(now + _quiet, started + _gitWaitCap);
                Arm(now);
            }
        }
    }

    /// <summary>Hands over every pending hint now, without waiting (an explicit build request).</summary>
    public HintSet Flush()
    {
        lock (_lock)
        {
            _gitWaitStartedAt = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return _pending.TakeAll();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void NoteHint(bool opensBatch)
    {
        var now = _time.GetUtcNow();
        if (opensBatch)
        {
            _firstHintAt = now;
        }

        _lastHintAt = now;
        Arm(now);
    }

    private void OnTimer()
    {
        HintSet batch;
        lock (_lock)
        {
            if (_disposed || _pending.IsEmpty)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now < DueAt())
            {
                Arm(now);
                return;
            }

            if (_gitBusy())
            {
                _gitWaitStartedAt ??= now;
                var capAt = _gitWaitStartedAt.Value + _gitWaitCap;
                if (now < capAt)
                {
                    _gitRecheckAt = Min(now + _gitRecheck, capAt);
                    Arm(now);
                    return;
                }

                GitWaitsCapped++;
            }

            _gitWaitStartedAt = null;
            batch = _pending.TakeAll();
        }

        _onSettled(batch);
    }

    private DateTimeOffset DueAt()
        => _gitWaitStartedAt is not null ? _gitRecheckAt : Min(_lastHintAt + _quiet, _firstHintAt + _cap);

    private void Arm(DateTimeOffset now)
    {
        // Never zero: a zero due time fires the callback inside Change on some providers, which would re-enter the lock.
        var delay = DueAt() - now;
        _timer.Change(delay < s_minimumDelay ? s_minimumDelay : delay, Timeout.InfiniteTimeSpan);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
