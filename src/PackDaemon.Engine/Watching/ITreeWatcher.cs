namespace PackDaemon.Engine.Watching;

/// <summary>Reports paths under one root that may have changed: kernel events, or a poller's stat comparisons.
/// Started by its factory; disposing it stops the reports.</summary>
internal interface ITreeWatcher : IDisposable
{
    /// <summary><c>events</c> or <c>polling</c>.</summary>
    string Mode { get; }

    /// <summary>A poller compares the tree now, reports what moved and returns true. An event watcher returns false:
    /// it can only be synchronised with a cookie file.</summary>
    bool PollNow();
}
