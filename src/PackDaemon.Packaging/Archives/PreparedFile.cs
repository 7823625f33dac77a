namespace PackDaemon.Packaging.Archives;

/// <summary>A fully written temp file waiting to be renamed over its target; deleted if disposed before the commit.</summary>
public sealed class PreparedFile : IDisposable
{
    private readonly string _tempPath;
    private bool _done;

    internal PreparedFile(string tempPath, string targetPath)
    {
        _tempPath = tempPath;
        TargetPath = targetPath;
    }

    public string TargetPath { get; }

    /// <summary>Renames the temp file over the target (atomic on POSIX within one filesystem).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        File.Move(_tempPath, TargetPath, overwrite: true);
        _done = true;
    }

    public void Dispose()
    {
        if (!_done)
        {
            AtomicFile.TryDeleteTemp(_tempPath);
            _done = true;
        }
    }
}
