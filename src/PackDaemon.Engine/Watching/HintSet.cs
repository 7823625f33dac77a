using PackDaemon.Engine.Incremental;

namespace PackDaemon.Engine.Watching;

/// <summary>
/// Paths that may have changed, or "everything" after an overflow or when nothing can be trusted. Merging two sets
/// never loses a path, which is what lets a cancelled build hand its hints back. Not thread-safe: owners lock.
/// </summary>
internal sealed class HintSet
{
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    public bool Everything { get; private set; }

    public int Count => _paths.Count;

    public bool IsEmpty => !Everything && _paths.Count == 0;

    public void Add(string relativePath) => _paths.Add(relativePath);

    public void AddEverything() => Everything = true;

    public void MergeFrom(HintSet other)
    {
        Everything |= other.Everything;
        _paths.UnionWith(other._paths);
    }

    /// <summary>Moves every hint into a new set and leaves this one empty.</summary>
    public HintSet TakeAll()
    {
        var taken = new HintSet();
        taken.MergeFrom(this);
        Clear();
        return taken;
    }

    public void Clear()
    {
        _paths.Clear();
        Everything = false;
    }

    public bool Contains(string relativePath) => _paths.Contains(relativePath);

    /// <summary>The builder's view. Paths are kept even with <see cref="Everything"/>: they cost nothing and say what
    /// the watcher saw.</summary>
    public ChangeHints ToChangeHints()
        => new([.. _paths.Order(StringComparer.Ordinal)], Everything);
}
