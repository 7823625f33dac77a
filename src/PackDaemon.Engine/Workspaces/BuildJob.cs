using PackDaemon.Engine.Building;
using PackDaemon.Engine.Watching;

namespace PackDaemon.Engine.Workspaces;

/// <summary>One build the workspace loop runs: started by the watcher or asked for with
/// <see cref="Workspace.BuildAsync"/>.</summary>
internal sealed class BuildJob(string trigger, BuildRequest request, CancellationToken callerToken)
{
    public const string WatchTrigger = "watch";
    public const string RequestTrigger = "request";

    public string Trigger { get; } = trigger;

    public BuildRequest Request { get; } = request;

    public CancellationToken CallerToken { get; } = callerToken;

    /// <summary>The hints this build reconciles; handed back to the workspace if it is cancelled.</summary>
    public HintSet Hints { get; set; } = new();

    /// <summary>Linked to the caller's token and the workspace's disposal; cancelled to supersede the build.</summary>
    public CancellationTokenSource? Cancellation { get; set; }

    public bool Superseded { get; set; }

    /// <summary>The finished build, or null when it was superseded and nobody asked for it.</summary>
    public TaskCompletionSource<WorkspaceBuild?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWatch => Trigger == WatchTrigger;

    public bool BuildsSameOutputsAs(BuildRequest other)
        => Request.OutputDirectory == other.OutputDirectory && Request.Wheel == other.Wheel && Request.Sdist == other.Sdist;
}
