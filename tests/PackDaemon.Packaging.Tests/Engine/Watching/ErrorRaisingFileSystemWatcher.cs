namespace PackDaemon.Packaging.Tests.Engine.Watching;

/// <summary>A real watcher whose Error event a test can raise, standing in for a kernel queue overflow or an
/// inotify limit that cannot be provoked without root.</summary>
internal sealed class ErrorRaisingFileSystemWatcher : FileSystemWatcher
{
    public void RaiseError(Exception exception) => OnError(new ErrorEventArgs(exception));
}
