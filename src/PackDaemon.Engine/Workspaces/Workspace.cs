using System.Threading.Channels;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Watching;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Workspaces;

/// <summary>
/// One watched project: the watcher's hints go through the settle window into the incremental builder, one build at
/// a time. Knows nothing of RPC; the daemon subscribes to its events and calls its methods.
/// </summary>
/// <remarks>
/// <para>One loop task runs every build, so builds never overlap. A settled batch that arrives while a watch build
/// runs cancels it and the next build reconciles both batches (at most <see cref="MaxSupersededInARow"/> times in a
/// row, so a file written without pause still gets built). Request builds are never superseded: the caller waits.</para>
/// <para>Events are raised on the loop task, outside every lock; a handler that throws is ignored.</para>
/// </remarks>
public sealed partial class Workspace : IAsyncDisposable
{
    internal const int MaxSupersededInARow = 3;

    /// <summary>Builds in a row that found the tree still moving and gave way to newer changes, before one is reported
    /// anyway (PD5020 names the file that keeps changing). Higher than <see cref="MaxSupersededInARow"/>: such a build has
    /// already paid its retries, and on a loaded machine a 5,000-file burst spans several of them.</summary>
    internal const int MaxKeptMovingInARow = 10;

    private readonly WorkspaceOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<bool> _gitIndexLocked;

    /// <summary>How often a build request looks at git's index lock again while it waits for it.</summary>
    private static readonly TimeSpan s_gitLockPoll = TimeSpan.FromMilliseconds(50);
    private readonly WorkspaceHooks _hooks;
    private readonly IWorkspaceBuilder _builder;
    private readonly SettleWindow _settle;
    private readonly RootWatch _watch;
    private readonly Lock _lock = new();
    private readonly HintSet _ready = new();
    private readonly List<BuildJob> _queuedRequests = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private BuildJob? _running;
    private bool _started;
    private bool _reconcileEverythingNext = true;
    private bool _anyBuildCounted;
    private long _generation;
    private int _supersededInARow;
    private int _keptMovingInARow;
    private WorkspaceBuild? _lastBuild;
    private IReadOnlyList<Diagnostic> _diagnostics = [];
    private int _disposed;
    private (string? Option, string? Variable) _python = (null, Environment.GetEnvironmentVariable(PythonInterpreterChooser.Variable));

    public Workspace(WorkspaceOptions options, TimeProvider timeProvider)
        : this(options, timeProvider, WorkspaceHooks.Production)
    {
    }

    internal Workspace(WorkspaceOptions options, TimeProvider timeProvider, WorkspaceHooks hooks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _time = timeProvider;
        _hooks = hooks;
        _builder = hooks.CreateBuilder(options.Root);
        var git = new GitActivity(options.Root);
        var gitBusy = hooks.GitBusy?.Invoke(options.Root) ?? git.IsBusy;
        _gitIndexLocked = hooks.GitIndexLocked?.Invoke(options.Root) ?? git.IsIndexLocked;
        _settle = new SettleWindow(timeProvider, options.SettleQuiet, options.SettleCap, options.GitWaitCap, hooks.GitRecheck, gitBusy, OnSettled);
        _watch = new RootWatch(options.Root, timeProvider, hooks.CreateWatcher, hooks.PollInterval, _settle);
        _loop = Task.Run(RunLoopAsync);
    }

    public string Root => _options.Root;

    public event Action<WorkspaceBuildStarted>? BuildStarted;

    public event Action<WorkspaceBuild>? BuildFinished;

    /// <summary>Raised when the set of diagnostics differs from the previous build's.</summary>
    public event Action<WorkspaceSnapshot>? DiagnosticsChanged;

    /// <summary>Starts watching and, with <see cref="WorkspaceOptions.AutoBuild"/>, schedules the first build (a full
    /// reconcile). Falls back to polling, with <see cref="WorkspaceSnapshot.WatchWarning"/> saying why, when the kernel
    /// will not watch the root.</summary>
    public void Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_started)
            {
                return;
            }

            _started = true;
        }

        _watch.Start();
        if (_options.AutoBuild)
        {
            lock (_lock)
            {
                _ready.AddEverything();
            }

            Signal();
        }
    }

    /// <summary>Asks for a full reconcile of the tree, as after a watcher overflow.</summary>
    public void RequestRescan() => _watch.OnRescanNeeded("rescan requested");

    public WorkspaceSnapshot Snapshot()
    {
        lock (_lock)
        {
            var pending = _settle.PendingCount + _ready.Count + (_running?.Hints.Count ?? 0);
            return new WorkspaceSnapshot(Root, CurrentState(), _generation, pending, _lastBuild, _watch.Rescans, _watch.Mode,
                _watch.Warning, _diagnostics);
        }
    }

    /// <summary>Builds now, after syncing with the watcher so that every save made before the call is included.
    /// If a build of the same outputs is running and nothing changed since it started, its result is returned.</summary>
    public async Task<WorkspaceBuild> BuildAsync(WorkspaceBuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_lock)
        {
            // The interpreter a client chose for a delegated build is the one watch builds use too.
            _python = (request.PythonOption, request.PythonVariable);
        }

        var buildRequest = new BuildRequest(Root, request.OutputDirectory ?? _options.OutputDirectory, request.Wheel, request.Sdist,
            WriteArtifacts: true, _options.SourceDateEpoch) { PythonOption = request.PythonOption, PythonVariable = request.PythonVariable };

        await WaitWhileGitWritesTheTreeAsync(cancellationToken).ConfigureAwait(false);
        await _watch.SyncAsync(_hooks.CookieTimeout, cancellationToken).ConfigureAwait(false);
        var synced = _settle.Flush();
        BuildJob? running;
        lock (_lock)
        {
            _ready.MergeFrom(synced);
            running = _running is { Superseded: false } r && r.BuildsSameOutputsAs(buildRequest) && _ready.IsEmpty ? r : null;
        }

        if (running is not null && await JoinAsync(running, cancellationToken).ConfigureAwait(false) is { } joined)
        {
            return joined;
        }

        var job = new BuildJob(BuildJob.RequestTrigger, buildRequest, cancellationToken);
        lock (_lock)
        {
            _queuedRequests.Add(job);
        }

        Signal();
        using var registration = cancellationToken.Register(() => CancelQueued(job));
        var build = await job.Completion.Task.ConfigureAwait(false);
        return build!;
    }

    /// <summary>
    /// A request made during a checkout waits for git to release its index lock (at most the git wait cap), so it
    /// builds the checked-out tree rather than half of it. Only the lock counts here: a merge or rebase in progress
    /// can last as long as the user takes to resolve conflicts, and an explicit build should not wait for that.
    /// </summary>
    private async Task WaitWhileGitWritesTheTreeAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.GitWaitCap;
        while (_gitIndexLocked() && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(s_gitLockPoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Explains one path with the same rules the build uses.</summary>
    public static FileExplanation? Explain(string root, string relativePath, DiagnosticBag diagnostics)
        => ProjectExplainer.Explain(root, relativePath, diagnostics);

    /// <summary>Stops watching, cancels the build in flight and waits until it has stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _watch.Dispose();
        _settle.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _builder.Dispose();
        _stopping.Dispose();
    }

    private string CurrentState()
    {
        if (_running is not null)
        {
            return WorkspaceStateNames.Building;
        }

        if (_settle.IsWaitingForGit)
        {
            return WorkspaceStateNames.WaitingForGit;
        }

        if (_settle.IsSettling || (_options.AutoBuild && _started && !_ready.IsEmpty))
        {
            return WorkspaceStateNames.Settling;
        }

        return _lastBuild is { Outcome.Result.Succeeded: false } ? WorkspaceStateNames.Failed : WorkspaceStateNames.Idle;
    }

    private void OnSettled(HintSet batch)
    {
        CancellationTokenSource? supersede = null;
        lock (_lock)
        {
            if (_disposed != 0)
            {
                return;
            }

            _ready.MergeFrom(batch);
            if (_options.AutoBuild && _running is { IsWatch: true, Superseded: false } running && _supersededInARow < MaxSupersededInARow)
            {
                _supersededInARow++;
                running.Superseded = true;
                supersede = running.Cancellation;
            }
        }

        try
        {
            supersede?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The build finished between the decision and the cancel: nothing to supersede.
        }

        Signal();
    }

    private void Signal() => _wake.Writer.TryWrite(true);

    /// <summary>Waits for a running build of the same outputs. Null when it was superseded or cancelled by its own
    /// caller: the request then queues its own build.</summary>
    private static async Task<WorkspaceBuild?> JoinAsync(BuildJob running, CancellationToken cancellationToken)
    {
        try
        {
            return await running.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void CancelQueued(BuildJob job)
    {
        bool removed;
        lock (_lock)
        {
            removed = _queuedRequests.Remove(job);
        }

        if (removed)
        {
            job.Completion.TrySetCanceled(job.CallerToken);
        }
    }

    private BuildRequest DefaultRequest()
        => new(Root, _options.OutputDirectory, Wheel: true, Sdist: true, WriteArtifacts: true, _options.SourceDateEpoch)
        {
            PythonOption = _python.Option,
            PythonVariable = _python.Variable,
        };
}
