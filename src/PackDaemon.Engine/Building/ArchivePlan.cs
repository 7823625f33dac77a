using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Building;

/// <summary>One artifact laid out but not yet written: its file name and, per entry, what its bytes depend on, so a
/// build can tell whether the artifact on disk already holds exactly this before writing anything. Kept between
/// builds: a plain edit patches the edited entries in place instead of laying out 20,000 entries again.</summary>
internal sealed class ArchivePlan<TEntry>(string fileName, List<(string Name, TEntry Entry, bool Executable)> entries, List<EntryName> states)
{
    private Dictionary<string, int>? _indexByName;

    public string FileName { get; } = fileName;

    /// <summary>In archive order.</summary>
    public List<(string Name, TEntry Entry, bool Executable)> Entries { get; } = entries;

    /// <summary>Name, content and mode of each entry, in the same order as <see cref="Entries"/> (RECORD excluded).</summary>
    public List<EntryName> States { get; } = states;

    public Sha256Value Digest() => EntryDigest.Of(States);

    /// <summary>Replaces one entry's bytes; returns false when it already held exactly these.</summary>
    public bool Patch(string name, TEntry entry, EntryState state)
    {
        _indexByName ??= BuildIndex();
        if (!_indexByName.TryGetValue(name, out int i) || States[i].State == state)
        {
            return false;
        }

        Entries[i] = (name, entry, state.Executable);
        States[i] = new EntryName(States[i].Name, state);
        return true;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(Entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < Entries.Count; i++)
        {
            index[Entries[i].Name] = i;
        }

        return index;
    }
}
