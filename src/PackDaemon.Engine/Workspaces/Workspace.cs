using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Workspaces;

/// <summary>
/// One watched project: the watcher's hints go through the settle window into the incremental builder, one build at
/// a time. Knows nothing of RPC; the daemon subscribes to its events and calls its methods.
/// </summary>
/// <remarks>Placeholder contract: no watcher yet; every build reconciles the whole tree.</remarks>
public sealed class Workspace : IAsyncDisposable
{
    private readonly WorkspaceOptions _options;
    private readonly IncrementalBuilder _builder;
    private readonly SemaphoreSlim _buildGate = new(1, 1);
    private readonly TimeProvider _time;
    private long _generation;
    private WorkspaceBuild? _lastBuild;

    public Workspace(WorkspaceOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider;
        _builder = new IncrementalBuilder(options.Root);
    }

    public string Root => _options.Root;

    public event Action<WorkspaceBuildStarted>? BuildStarted;

    public event Action<WorkspaceBuild>? BuildFinished;

    /// <summary>Raised when the set of diagnostics differs from the previous build's.</summary>
    public event Action<WorkspaceSnapshot>? DiagnosticsChanged;

    /// <summary>Starts watching and, with <see cref="WorkspaceOptions.AutoBuild"/>, schedules the first build.</summary>
    public void Start() => _ = _options.AutoBuild;

    /// <summary>Asks for a full reconcile of the tree, as after a watcher overflow.</summary>
    public void RequestRescan() => _ = _options.Root;

    public WorkspaceSnapshot Snapshot()
    {
        var last = _lastBuild;
        return new WorkspaceSnapshot(Root, "idle", Interlocked.Read(ref _generation), 0, last, 0, "events", null,
            last?.Outcome.Result.Diagnostics ?? []);
    }

    /// <summary>Builds now, after syncing with the watcher so that every save made before the call is included.</summary>
    public async Task<WorkspaceBuild> BuildAsync(WorkspaceBuildRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _buildGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var generation = Interlocked.Increment(ref _generation);
            BuildStarted?.Invoke(new WorkspaceBuildStarted(Root, generation, 0, "request"));
            var buildRequest = new BuildRequest(Root, request.OutputDirectory ?? _options.OutputDirectory, request.Wheel, request.Sdist, true, _options.SourceDateEpoch);
            var outcome = await Task.Run(() => _builder.Build(buildRequest, ChangeHints.All, cancellationToken), cancellationToken).ConfigureAwait(false);
            var build = new WorkspaceBuild(Root, generation, "request", outcome, _time.GetUtcNow());
            var previous = _lastBuild;
            _lastBuild = build;
            BuildFinished?.Invoke(build);
            if (previous is null || !previous.Outcome.Result.Diagnostics.SequenceEqual(outcome.Result.Diagnostics))
            {
                DiagnosticsChanged?.Invoke(Snapshot());
            }

            return build;
        }
        finally
        {
            _buildGate.Release();
        }
    }

    /// <summary>Explains one path with the same rules the build uses.</summary>
    public static FileExplanation? Explain(string root, string relativePath, DiagnosticBag diagnostics)
        => ProjectExplainer.Explain(root, relativePath, diagnostics);

    public ValueTask DisposeAsync()
    {
        _builder.Dispose();
        _buildGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
