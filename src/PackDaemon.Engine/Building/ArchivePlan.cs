using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Building;

/// <summary>One artifact laid out but not yet written: its file name and, per entry, what its bytes depend on, so a
/// build can tell whether the artifact on disk already holds exactly this before writing anything.</summary>
internal sealed class ArchivePlan<TEntry>(string fileName, List<(string Name, TEntry Entry, bool Executable)> entries, List<EntryName> states)
{
    public string FileName { get; } = fileName;

    /// <summary>In archive order.</summary>
    public List<(string Name, TEntry Entry, bool Executable)> Entries { get; } = entries;

    /// <summary>Name, content and mode of every entry that has them, in archive order (RECORD excluded: derived).</summary>
    public List<EntryName> States { get; } = states;

    public Sha256Value Digest { get; } = EntryDigest.Of(states);
}
