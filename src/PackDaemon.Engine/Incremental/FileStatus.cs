using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// stat for the file index, in the engine's terms (a <see cref="FileStamp"/> and a kind), over the one statx wrapper
/// the tree walk uses too (<see cref="Statx"/>).
/// </summary>
internal static class FileStatus
{
    public enum Kind
    {
        Missing,
        File,
        Directory,
        Other,
    }

    /// <summary>Stats a path, following symlinks (the walker reads an in-root link's target through the link).</summary>
    public static Kind Stat(string fullPath, out FileStamp stamp) => FromNode(Statx.Path(fullPath), out stamp);

    public static Kind FromNode(NodeStatus node, out FileStamp stamp)
    {
        stamp = node.Kind == NodeKind.Missing ? default : ToStamp(node);
        return node.Kind switch
        {
            NodeKind.Missing => Kind.Missing,
            NodeKind.File => Kind.File,
            NodeKind.Directory => Kind.Directory,
            _ => Kind.Other,
        };
    }

    public static FileStamp ToStamp(NodeStatus node) => new(node.Size, node.MtimeNs, node.Inode, node.Executable, node.CtimeNs);
}
