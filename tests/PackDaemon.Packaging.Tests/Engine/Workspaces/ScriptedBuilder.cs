using System.Threading.Channels;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>A builder whose calls the test sees and, with <see cref="Block"/>, holds until released. Reports every
/// hinted path as a changed file, so generations move as the hints say.</summary>
internal sealed class ScriptedBuilder : IWorkspaceBuilder
{
    private readonly Channel<BuilderCall> _calls = Channel.CreateUnbounded<BuilderCall>();

    public bool Block { get; set; }

    /// <summary>Thrown by the next call instead of building.</summary>
    public Exception? ThrowNext { get; set; }

    /// <summary>Changed files every call reports, instead of one per hinted path.</summary>
    public int? ChangedFiles { get; set; }

    /// <summary>Diagnostics every successful call reports.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; set; } = [];

    private int _callCount;

    public int CallCount => Volatile.Read(ref _callCount);

    public IncrementalBuildResult Build(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _callCount);
        var call = new BuilderCall(request, hints, cancellationToken);
        _calls.Writer.TryWrite(call);
        if (ThrowNext is { } exception)
        {
            ThrowNext = null;
            throw exception;
        }

        if (Block)
        {
            call.WaitForRelease();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var changed = ChangedFiles ?? (hints.Everything ? 1 : hints.RelativePaths.Count);
        var succeeded = !Diagnostics.Any(d => d.IsError);
        var result = new BuildResult(succeeded, [], Diagnostics, [], new PhaseTimings(0, 0, 0, 0, 0, 0));
        return new IncrementalBuildResult(result, changed, [], changed == 0, 0);
    }

    /// <summary>The next call the workspace makes, in order.</summary>
    public async Task<BuilderCall> NextCallAsync()
        => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

    public void Dispose() => _calls.Writer.TryComplete();
}
