using System.Threading.Channels;
using PackDaemon.Engine.Workspaces;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>Every BuildFinished of a workspace, awaitable in order.</summary>
internal sealed class BuildRecorder
{
    private readonly Channel<WorkspaceBuild> _finished = Channel.CreateUnbounded<WorkspaceBuild>();
    private readonly List<WorkspaceBuild> _all = [];

    public BuildRecorder(Workspace workspace)
    {
        workspace.BuildFinished += build =>
        {
            lock (_all)
            {
                _all.Add(build);
            }

            _finished.Writer.TryWrite(build);
        };
    }

    public IReadOnlyList<WorkspaceBuild> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public async Task<WorkspaceBuild> NextAsync()
        => await _finished.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Event, TestContext.Current.CancellationToken);

    /// <summary>Skips finished builds until one matches.</summary>
    public async Task<WorkspaceBuild> NextMatchingAsync(Func<WorkspaceBuild, bool> predicate)
    {
        while (true)
        {
            var build = await NextAsync();
            if (predicate(build))
            {
                return build;
            }
        }
    }
}
