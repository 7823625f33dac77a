namespace PackDaemon.Packaging.Selection;

/// <summary>What a path names, as one stat tells it.</summary>
public enum NodeKind
{
    Missing,
    File,
    Directory,
    Symlink,

    /// <summary>A FIFO, socket or device node: never opened (reading a FIFO blocks until another process writes).</summary>
    Other,
}
