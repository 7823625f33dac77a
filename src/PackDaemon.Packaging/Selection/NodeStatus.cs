namespace PackDaemon.Packaging.Selection;

/// <summary>One stat of a path: its kind and what the file index keeps of it.</summary>
/// <param name="MtimeNs">Modification time in nanoseconds since 1970.</param>
/// <param name="Inode">0 where the platform path (not statx) made the stat.</param>
/// <param name="Executable">Any of the three execute bits.</param>
public readonly record struct NodeStatus(NodeKind Kind, long Size, long MtimeNs, ulong Inode, bool Executable)
{
    /// <summary>Status-change time in nanoseconds since 1970; 0 where the platform path (not statx) made the stat.</summary>
    public long CtimeNs { get; init; }

    /// <summary>Hard links to the inode; 0 where unknown (the platform path).</summary>
    public uint Links { get; init; }

    /// <summary>The owner's uid; <see cref="uint.MaxValue"/> where unknown.</summary>
    public uint OwnerUid { get; init; } = uint.MaxValue;

    /// <summary>The permission bits (<c>0o7777</c>); 0 where unknown.</summary>
    public int Permissions { get; init; }

    public static NodeStatus Missing => default;

    public DateTime LastWriteUtc => DateTime.UnixEpoch.AddTicks(MtimeNs / 100);
}
