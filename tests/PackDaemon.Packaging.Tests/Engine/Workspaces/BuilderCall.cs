using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>One call a <see cref="ScriptedBuilder"/> received; a blocked call ends when the test releases it or the
/// build is cancelled.</summary>
internal sealed class BuilderCall(BuildRequest request, ChangeHints hints, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BuildRequest Request { get; } = request;

    public ChangeHints Hints { get; } = hints;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Completes when the workspace cancelled this build.</summary>
    public Task Cancelled => _cancelled.Task;

    public void Release() => _release.TrySetResult();

    public void WaitForRelease()
    {
        using var _ = CancellationToken.Register(() => _cancelled.TrySetResult());
        _release.Task.Wait(CancellationToken);
    }
}
