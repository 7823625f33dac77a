using PackDaemon.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>A watcher the test drives: it hands the workspace's sink to the test, and counts as synchronised at once
/// (the test's events are delivered before it calls the workspace).</summary>
internal sealed class FakeTreeWatcher : ITreeWatcher
{
    public ITreeWatcherSink? Sink { get; private set; }

    public bool Disposed { get; private set; }

    public string Mode => "events";

    public TreeWatcherFactory Factory => (_, _, sink) =>
    {
        Sink = sink;
        return this;
    };

    public bool PollNow() => true;

    public void Dispose() => Disposed = true;
}
