using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>A selection indexed by source path, built once per walk, so a plain edit finds what each artifact wants
/// of the edited file without a pass over 20,000 entries.</summary>
internal sealed class SelectionLookup
{
    private readonly Dictionary<string, (SelectedFile? Wheel, int WheelIndex, SelectedFile? Sdist, int SdistIndex)> _bySource;

    public SelectionLookup(FileSelection selection)
    {
        Selection = selection;
        _bySource = new(selection.Sdist.Count + 8, StringComparer.Ordinal);
        for (int i = 0; i < selection.Wheel.Count; i++)
        {
            var file = selection.Wheel[i];
            _bySource[file.Source.RelativePath] = (file, i, null, -1);
        }

        for (int i = 0; i < selection.Sdist.Count; i++)
        {
            var file = selection.Sdist[i];
            var entry = _bySource.GetValueOrDefault(file.Source.RelativePath, (null, -1, null, -1));
            _bySource[file.Source.RelativePath] = (entry.Wheel, entry.WheelIndex, file, i);
        }
    }

    public FileSelection Selection { get; }

    public bool TryGet(string relativePath, out (SelectedFile? Wheel, int WheelIndex, SelectedFile? Sdist, int SdistIndex) entry)
        => _bySource.TryGetValue(relativePath, out entry);
}
