namespace PackDaemon.Engine.Watching;

/// <summary>Creates and starts the event watcher for a root. Throws when the root cannot be watched at all (for example
/// the inotify instance or watch limit is reached); the caller then falls back to polling.</summary>
internal delegate ITreeWatcher TreeWatcherFactory(string root, PathFilter filter, ITreeWatcherSink sink);
