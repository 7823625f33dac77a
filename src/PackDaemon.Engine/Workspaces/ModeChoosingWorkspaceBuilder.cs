using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Delegation;

namespace PackDaemon.Engine.Workspaces;

/// <summary>
/// The daemon's builder: decides per project whether packd builds natively (<see cref="IncrementalBuilder"/>) or the
/// project's own backend does (<see cref="DelegatedBuilder"/>, its worker kept warm between saves), and decides again
/// when pyproject.toml, setup.py or setup.cfg may have changed. The worker is stopped with the workspace.
/// </summary>
internal sealed class ModeChoosingWorkspaceBuilder(string root) : IWorkspaceBuilder
{
    private readonly string _root = Path.GetFullPath(root);
    private IncrementalBuilder? _native;
    private DelegatedBuilder? _delegated;
    private BuildModeDecision? _decision;

    // The native builder saw none of the changes made while delegated builds ran: its first build after a switch
    // back reconciles everything.
    private bool _nativeMissedChanges;
    private (BuildRequest Request, IncrementalBuildResult Outcome)? _lastDelegated;

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hints);
        if (_decision is null || hints.Everything || hints.RelativePaths.Any(BuildModes.AffectsDecision))
        {
            _decision = BuildModeDecider.Decide(_root);
        }

        var decision = _decision;
        if (!decision.Delegated)
        {
            // A project that stopped needing its backend lets the worker go.
            _delegated?.Dispose();
            _delegated = null;
            _lastDelegated = null;
            _native ??= new IncrementalBuilder(_root);
            var nativeHints = _nativeMissedChanges ? ChangeHints.All : hints;
            _nativeMissedChanges = false;
            var outcome = _native.Build(request, nativeHints, cancellationToken);
            return outcome with { Result = BuildModes.TagNative(outcome.Result, decision) };
        }

        _nativeMissedChanges = true;
        if (!hints.Everything && hints.RelativePaths.Count == 0 && _lastDelegated is { } last && last.Request == request
            && last.Outcome.Result.Succeeded && last.Outcome.Result.Artifacts.All(a => File.Exists(a.Path)))
        {
            // Nothing changed since the last delegated build: running the backend again would only cost time.
            var unchanged = last.Outcome.Result with { Artifacts = [.. last.Outcome.Result.Artifacts.Select(a => a with { Rewritten = false })] };
            return new IncrementalBuildResult(unchanged, 0, [], UpToDate: true, ReconcileMs: 0);
        }

        _delegated ??= new DelegatedBuilder(_root);
        var result = _delegated.Build(request, decision, cancellationToken);
        var rewritten = result.Artifacts.Any(a => a.Rewritten);

        // The backend is opaque: every hinted path counts as a change unless the artifacts came out identical. The
        // entry-level view of a native build is not available, so ChangedEntries stays empty.
        var changedFiles = result.Succeeded && !rewritten ? 0 : Math.Max(1, hints.RelativePaths.Count);
        var incremental = new IncrementalBuildResult(result, changedFiles, [], UpToDate: result.Succeeded && !rewritten, ReconcileMs: 0);
        _lastDelegated = result.Succeeded ? (request, incremental) : null;
        return incremental;
    }

    public void Dispose()
    {
        _delegated?.Dispose();
        _native?.Dispose();
    }
}
