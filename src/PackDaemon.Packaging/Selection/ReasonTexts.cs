namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The explanation strings of one selection pass, made once each: most files share a handful of reasons ("excluded by
/// .gitignore:3 '*.log'", "included (hatchling rules): inside app/ ..."), and a string per file was a large share of a
/// 20,000-file selection's garbage. Not thread-safe: one per pass or per thread.
/// </summary>
internal sealed class ReasonTexts
{
    private readonly Dictionary<(string Prefix, string Detail), string> _texts = [];

    /// <summary><paramref name="prefix"/> followed by <paramref name="detail"/>, the same string object every time.</summary>
    public string Join(string prefix, string detail)
    {
        if (!_texts.TryGetValue((prefix, detail), out string? text))
        {
            text = prefix + detail;
            _texts[(prefix, detail)] = text;
        }

        return text;
    }
}
