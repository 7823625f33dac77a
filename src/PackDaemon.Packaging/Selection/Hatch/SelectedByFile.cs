namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// A target's selected entries by source file. Nearly every file goes in once; force-include can map one file to
/// several artifact paths, so the rare extra mappings are kept apart and a lookup allocates nothing.
/// </summary>
internal sealed class SelectedByFile
{
    private readonly Dictionary<string, HatchTargetSelector.Selected> _first;
    private readonly Dictionary<string, List<HatchTargetSelector.Selected>> _more = new(StringComparer.Ordinal);

    public SelectedByFile(List<HatchTargetSelector.Selected> selected)
    {
        _first = new Dictionary<string, HatchTargetSelector.Selected>(selected.Count, StringComparer.Ordinal);
        foreach (var item in selected)
        {
            if (_first.TryAdd(item.File.RelativePath, item))
            {
                continue;
            }

            if (!_more.TryGetValue(item.File.RelativePath, out var more))
            {
                more = [];
                _more[item.File.RelativePath] = more;
            }

            more.Add(item);
        }
    }

    public Group For(string relativePath) =>
        new(_first.GetValueOrDefault(relativePath), _more.Count == 0 ? null : _more.GetValueOrDefault(relativePath));

    /// <summary>One file's entries, in selection order.</summary>
    internal readonly record struct Group(HatchTargetSelector.Selected? First, List<HatchTargetSelector.Selected>? More)
    {
        public int Count => First is null ? 0 : 1 + (More?.Count ?? 0);

        public HatchTargetSelector.Selected this[int index] => index == 0 ? First! : More![index - 1];
    }
}
