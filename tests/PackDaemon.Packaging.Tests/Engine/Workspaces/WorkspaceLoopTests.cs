using Microsoft.Extensions.Time.Testing;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>The workspace loop with a fake clock, a scripted builder and a watcher the test drives.</summary>
public sealed class WorkspaceLoopTests : IAsyncDisposable
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-loop-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new();
    private readonly ScriptedBuilder _builder = new();
    private readonly FakeTreeWatcher _watcher = new();
    private readonly Workspace _workspace;
    private readonly BuildRecorder _finished;
    private bool _gitBusy;
    private volatile bool _indexLocked;

    public WorkspaceLoopTests()
    {
        Directory.CreateDirectory(_root);
        _workspace = CreateWorkspace(autoBuild: true);
        _finished = new BuildRecorder(_workspace);
    }

    [Fact]
    public async Task Start_RunsOneFullBuild_ThenIsIdleAtGenerationOne()
    {
        _workspace.Start();

        var call = await _builder.NextCallAsync();
        var build = await _finished.NextAsync();

        Assert.True(call.Hints.Everything);
        Assert.Equal(1, build.Generation);
        Assert.Equal("watch", build.Trigger);
        Assert.Equal(WorkspaceStateNames.Idle, _workspace.Snapshot().State);
    }

    [Fact]
    public async Task SettledBatch_BuildsTheHintedPaths_AndRaisesTheGeneration()
    {
        await StartAndFinishFirstBuildAsync();

        Hint("flask_app/cli.py");
        var settling = _workspace.Snapshot();
        _time.Advance(s_quiet);
        var call = await _builder.NextCallAsync();
        var build = await _finished.NextAsync();

        Assert.Equal(WorkspaceStateNames.Settling, settling.State);
        Assert.Equal(1, settling.PendingChanges);
        Assert.False(call.Hints.Everything);
        Assert.Equal(["flask_app/cli.py"], call.Hints.RelativePaths);
        Assert.Equal(2, build.Generation);
    }

    [Fact]
    public async Task BuildThatFindsNoRealChange_StillFinishes_ButKeepsTheGeneration()
    {
        await StartAndFinishFirstBuildAsync();
        _builder.ChangedFiles = 0;

        Hint("flask_app/cli.py");
        _time.Advance(s_quiet);
        var build = await _finished.NextAsync();

        Assert.Equal(1, build.Generation);
    }

    [Fact]
    public async Task ChangesDuringABuild_SupersedeIt_AndTheNextBuildReconcilesBothBatches()
    {
        _builder.Block = true;
        await StartAndFinishFirstBuildAsync();

        Hint("a.py");
        _time.Advance(s_quiet);
        var first = await _builder.NextCallAsync();
        var building = _workspace.Snapshot();
        Hint("b.py");
        _time.Advance(s_quiet);
        await first.Cancelled.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);
        var second = await _builder.NextCallAsync();
        second.Release();
        var build = await _finished.NextAsync();

        Assert.Equal(WorkspaceStateNames.Building, building.State);
        Assert.Equal(1, building.PendingChanges);
        Assert.Equal(["a.py", "b.py"], second.Hints.RelativePaths);
        Assert.Equal(2, build.Generation);
        Assert.Equal(2, _finished.All.Count);
    }

    [Fact]
    public async Task TreeKeptChanging_WhileNewerChangesSettle_IsSupersededNotReported()
    {
        _builder.Block = true;
        await StartAndFinishFirstBuildAsync();

        Hint("a.py");
        _time.Advance(s_quiet);
        var first = await _builder.NextCallAsync();
        Hint("b.py");
        _builder.Diagnostics = [KeptChanging("a.py")];
        first.Release();

        // The first build ends superseded (no longer building, b.py still settling); only then does b.py settle, so
        // its settling cannot cancel the first build instead.
        Assert.True(
            SpinWait.SpinUntil(() => _workspace.Snapshot().State == WorkspaceStateNames.Settling, TestTimeouts.Event),
            $"the workspace stayed {_workspace.Snapshot().State}");
        _builder.Diagnostics = [];
        _time.Advance(s_quiet);
        var second = await _builder.NextCallAsync();
        second.Release();
        var build = await _finished.NextAsync();

        Assert.Equal(["a.py", "b.py"], second.Hints.RelativePaths);
        Assert.True(build.Outcome.Result.Succeeded);
        Assert.Equal(2, _finished.All.Count);
    }

    [Fact]
    public async Task TreeKeptChanging_ForeverWhileChangesKeepComing_IsReportedAfterTheLimit()
    {
        _builder.Block = true;
        await StartAndFinishFirstBuildAsync();
        _builder.Diagnostics = [KeptChanging("a.py")];

        Hint("f0.py");
        _time.Advance(s_quiet);
        var call = await _builder.NextCallAsync();
        for (var i = 1; i <= Workspace.MaxKeptMovingInARow; i++)
        {
            Hint($"f{i}.py");
            call.Release();
            Assert.True(
                SpinWait.SpinUntil(() => _workspace.Snapshot().State == WorkspaceStateNames.Settling, TestTimeouts.Event),
                $"build {i} was not superseded: {_workspace.Snapshot().State}");
            _time.Advance(s_quiet);
            call = await _builder.NextCallAsync();
        }

        Hint("last.py");
        call.Release();
        var reported = await _finished.NextAsync();

        Assert.False(reported.Outcome.Result.Succeeded);
        Assert.Equal(DiagnosticCodes.TreeChangedDuringBuild, Assert.Single(reported.Outcome.Result.Diagnostics).Code);
        Assert.Equal(2, _finished.All.Count);
    }

    [Fact]
    public async Task TreeKeptChanging_WithNothingNewer_IsReported()
    {
        await StartAndFinishFirstBuildAsync();
        _builder.Diagnostics = [KeptChanging("a.py")];

        Hint("a.py");
        _time.Advance(s_quiet);
        var build = await _finished.NextAsync();

        Assert.False(build.Outcome.Result.Succeeded);
        Assert.Equal(DiagnosticCodes.TreeChangedDuringBuild, Assert.Single(build.Outcome.Result.Diagnostics).Code);
    }

    [Fact]
    public async Task Supersession_StopsAfterThreeInARow_SoAFileWrittenWithoutPauseStillGetsBuilt()
    {
        _builder.Block = true;
        await StartAndFinishFirstBuildAsync();

        Hint("f0.py");
        _time.Advance(s_quiet);
        var call = await _builder.NextCallAsync();
        for (var i = 1; i <= Workspace.MaxSupersededInARow; i++)
        {
            Hint($"f{i}.py");
            _time.Advance(s_quiet);
            await call.Cancelled.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);
            call = await _builder.NextCallAsync();
        }

        Hint("f4.py");
        _time.Advance(s_quiet);
        Assert.False(call.CancellationToken.IsCancellationRequested);
        call.Release();
        await _finished.NextAsync();
        var next = await _builder.NextCallAsync();
        next.Release();
        await _finished.NextAsync();

        Assert.Equal(["f0.py", "f1.py", "f2.py", "f3.py"], call.Hints.RelativePaths);
        Assert.Equal(["f4.py"], next.Hints.RelativePaths);
    }

    [Fact]
    public async Task GitBusy_HoldsTheBatchInWaitingForGit_AndOneBuildFollowsTheLock()
    {
        await StartAndFinishFirstBuildAsync();
        _gitBusy = true;

        Hint("a.py");
        _time.Advance(s_quiet);
        Hint("b.py");
        _time.Advance(TimeSpan.FromSeconds(5));
        var waiting = _workspace.Snapshot();
        _gitBusy = false;
        Hint(".git/index.lock");
        _time.Advance(s_quiet);
        var call = await _builder.NextCallAsync();

        Assert.Equal(WorkspaceStateNames.WaitingForGit, waiting.State);
        Assert.Equal(2, waiting.PendingChanges);
        Assert.Equal(["a.py", "b.py"], call.Hints.RelativePaths);
        Assert.Equal(2, _builder.CallCount);
    }

    [Fact]
    public async Task BuildAsync_WhileGitHoldsItsIndexLock_WaitsForTheLock_ThenBuilds()
    {
        await StartAndFinishFirstBuildAsync();
        _indexLocked = true;

        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(Wheel: true, Sdist: true, OutputDirectory: null), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(10));
        var callsWhileLocked = _builder.CallCount;
        _indexLocked = false;
        _time.Advance(TimeSpan.FromMilliseconds(50));
        var call = await _builder.NextCallAsync();
        call.Release();
        var build = await request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

        Assert.Equal(1, callsWhileLocked);
        Assert.Equal("request", build.Trigger);
    }

    [Fact]
    public async Task BuildAsync_WhenTheIndexLockNeverGoes_BuildsAfterTheGitWaitCap()
    {
        await StartAndFinishFirstBuildAsync();
        _indexLocked = true;

        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(Wheel: true, Sdist: true, OutputDirectory: null), TestContext.Current.CancellationToken);
        for (var waited = TimeSpan.Zero; waited <= WorkspaceOptions.Default(_root).GitWaitCap && !request.IsCompleted && _builder.CallCount == 1; waited += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var call = await _builder.NextCallAsync();
        call.Release();
        var build = await request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

        Assert.Equal("request", build.Trigger);
        Assert.True(_time.GetUtcNow() - _time.Start >= WorkspaceOptions.Default(_root).GitWaitCap - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task BuildAsync_WhileTheSameOutputsBuildWithNothingNew_ReturnsThatBuild()
    {
        _builder.Block = true;
        _workspace.Start();
        var first = await _builder.NextCallAsync();

        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(Wheel: true, Sdist: true, OutputDirectory: null), TestContext.Current.CancellationToken);
        first.Release();
        var build = await request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

        Assert.Same(await _finished.NextAsync(), build);
        Assert.Equal("watch", build.Trigger);
        Assert.Equal(1, _builder.CallCount);
    }

    [Fact]
    public async Task BuildAsync_WhileTheSameOutputsBuildWithNewHints_BuildsAgainWithThem()
    {
        _builder.Block = true;
        _workspace.Start();
        var first = await _builder.NextCallAsync();

        Hint("flask_app/new.py");
        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken);
        first.Release();
        var second = await _builder.NextCallAsync();
        second.Release();
        var build = await request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

        Assert.Equal(["flask_app/new.py"], second.Hints.RelativePaths);
        Assert.Equal("request", build.Trigger);
    }

    [Fact]
    public async Task BuildAsync_ForAnotherOutputFolder_RunsAfterTheCurrentBuild()
    {
        _builder.Block = true;
        _workspace.Start();
        var first = await _builder.NextCallAsync();
        var elsewhere = Path.Combine(_root, "elsewhere");

        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(Wheel: true, Sdist: false, elsewhere), TestContext.Current.CancellationToken);
        var callsWhileFirstRuns = _builder.CallCount;
        first.Release();
        var second = await _builder.NextCallAsync();
        second.Release();
        await request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

        Assert.Equal(1, callsWhileFirstRuns);
        Assert.Equal(elsewhere, second.Request.OutputDirectory);
        Assert.False(second.Request.Sdist);
    }

    [Fact]
    public async Task BuildAsync_OnAWorkspaceNeverStarted_ReconcilesEverythingEveryTime()
    {
        await using var manual = CreateWorkspace(autoBuild: false);

        var first = await manual.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken);
        var second = await manual.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken);

        Assert.True((await _builder.NextCallAsync()).Hints.Everything);
        Assert.True((await _builder.NextCallAsync()).Hints.Everything);
        Assert.Equal("request", first.Trigger);
        Assert.Equal(2, second.Generation);
    }

    [Fact]
    public async Task CancelledRequest_HandsItsHintsBack()
    {
        await StartAndFinishFirstBuildAsync();
        _builder.Block = true;
        using var cancel = new CancellationTokenSource();

        Hint("flask_app/a.py");
        var request = _workspace.BuildAsync(new WorkspaceBuildRequest(true, true, null), cancel.Token);
        var cancelled = await _builder.NextCallAsync();
        _builder.Block = false;
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken));
        var next = await _builder.NextCallAsync();

        Assert.Equal(["flask_app/a.py"], cancelled.Hints.RelativePaths);
        Assert.Equal(["flask_app/a.py"], next.Hints.RelativePaths);
    }

    [Fact]
    public async Task ThrowingHandlers_DoNotStopTheLoop()
    {
        _workspace.BuildStarted += _ => throw new InvalidOperationException("subscriber bug");
        _workspace.BuildFinished += _ => throw new InvalidOperationException("subscriber bug");
        await StartAndFinishFirstBuildAsync();

        Hint("a.py");
        _time.Advance(s_quiet);

        Assert.Equal(2, (await _finished.NextAsync()).Generation);
    }

    [Fact]
    public async Task BuilderCrash_IsAFailedBuild_AndTheNextBuildReconcilesEverything()
    {
        _builder.ThrowNext = new IOException("disk on fire");
        _workspace.Start();
        var crashed = await _finished.NextAsync();
        var failedState = _workspace.Snapshot().State;

        Hint("a.py");
        _time.Advance(s_quiet);
        await _builder.NextCallAsync();
        var retry = await _builder.NextCallAsync();
        var recovered = await _finished.NextAsync();

        Assert.False(crashed.Outcome.Result.Succeeded);
        Assert.Equal("PD5900", Assert.Single(crashed.Outcome.Result.Diagnostics).Code);
        Assert.Equal(WorkspaceStateNames.Failed, failedState);
        Assert.True(retry.Hints.Everything);
        Assert.True(recovered.Outcome.Result.Succeeded);
        Assert.Equal(WorkspaceStateNames.Idle, _workspace.Snapshot().State);
    }

    [Fact]
    public async Task DiagnosticsChanged_IsRaisedOnlyWhenTheSetDiffers()
    {
        var raised = new List<WorkspaceSnapshot>();
        _workspace.DiagnosticsChanged += raised.Add;
        await StartAndFinishFirstBuildAsync();
        await HintAndFinishAsync("a.py");
        var warning = new Diagnostic("PD3001", DiagnosticSeverity.Warning, "something odd", "a.py");
        _builder.Diagnostics = [warning];
        await HintAndFinishAsync("a.py");
        await HintAndFinishAsync("a.py");

        Assert.Equal(2, raised.Count);
        Assert.Equal([warning], raised[1].Diagnostics);
    }

    [Fact]
    public async Task LostEventsAndRescanRequests_AreCounted_AndReconcileEverything()
    {
        await StartAndFinishFirstBuildAsync();

        _watcher.Sink!.OnRescanNeeded("watcher queue overflow");
        _time.Advance(s_quiet);
        var afterOverflow = await _builder.NextCallAsync();
        _workspace.RequestRescan();

        Assert.True(afterOverflow.Hints.Everything);
        Assert.Equal(2, _workspace.Snapshot().Rescans);
    }

    [Fact]
    public async Task WatchLimitReachedWhileRunning_SwitchesToPolling_WithTheFix()
    {
        await StartAndFinishFirstBuildAsync();

        _watcher.Sink!.OnWatchLimitReached("The configured user limit (8192) on the number of inotify watches has been reached");
        var snapshot = _workspace.Snapshot();

        Assert.Equal("polling", snapshot.WatchMode);
        Assert.Contains("max_user_watches", snapshot.WatchWarning, StringComparison.Ordinal);
        Assert.Equal(1, snapshot.Rescans);
    }

    [Fact]
    public async Task DisposeAsync_CancelsTheBuildInFlight_AndWaitsForIt()
    {
        _builder.Block = true;
        _workspace.Start();
        var call = await _builder.NextCallAsync();

        await _workspace.DisposeAsync();

        Assert.True(call.CancellationToken.IsCancellationRequested);
        Assert.True(call.Cancelled.IsCompleted);
        Assert.True(_watcher.Disposed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => _workspace.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _workspace.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private Workspace CreateWorkspace(bool autoBuild)
    {
        var options = WorkspaceOptions.Default(_root) with { AutoBuild = autoBuild };
        var hooks = new WorkspaceHooks(_ => _builder, _watcher.Factory, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2),
            TimeSpan.FromMilliseconds(250), _ => () => _gitBusy, _ => () => _indexLocked);
        return new Workspace(options, _time, hooks);
    }

    private void Hint(string path) => _watcher.Sink!.OnPath(path);

    private async Task StartAndFinishFirstBuildAsync()
    {
        _workspace.Start();
        var first = await _builder.NextCallAsync();
        first.Release();
        await _finished.NextAsync();
    }

    private async Task HintAndFinishAsync(string path)
    {
        Hint(path);
        _time.Advance(s_quiet);
        await _builder.NextCallAsync();
        await _finished.NextAsync();
    }

    private static Diagnostic KeptChanging(string path)
        => new(DiagnosticCodes.TreeChangedDuringBuild, DiagnosticSeverity.Error, "1 input file(s) kept changing", path);
}
