namespace PackDaemon.Engine.Watching;

/// <summary>Where a <see cref="ITreeWatcher"/> sends what it saw. Called from the watcher's threads; must be cheap and
/// must not throw.</summary>
internal interface ITreeWatcherSink
{
    /// <summary>A path ('/'-separated, relative to the root, already past <see cref="PathFilter"/>) may have changed.</summary>
    void OnPath(string relativePath);

    /// <summary>Events may have been lost (queue overflow, watcher error): only a full reconcile is safe.</summary>
    void OnRescanNeeded(string reason);

    /// <summary>The kernel refused more watches: part of the tree is unwatched, so events can no longer be trusted.</summary>
    void OnWatchLimitReached(string reason);
}
