namespace PackDaemon.Packaging.Selection.Uv;

/// <summary>
/// uv_build's excludes (<c>build_exclude_matcher</c> in crates/uv-build-backend/src/wheel.rs): a pattern is unanchored
/// (<c>**/</c> is put in front) unless it starts with <c>/</c>, and a path is excluded when it or one of its folders
/// matches, since the walk does not enter an excluded folder ("All children of an exclusion are excluded as well").
/// </summary>
internal sealed class UvExcludes
{
    /// <summary>uv_build's <c>DEFAULT_EXCLUDES</c>, unless <c>default-excludes = false</c>.</summary>
    public static readonly string[] Defaults = ["__pycache__", "*.pyc", "*.pyo"];

    private readonly List<(string Pattern, SegmentGlob Glob)> _globs = [];

    public UvExcludes(IEnumerable<string> patterns)
    {
        foreach (string pattern in patterns.Distinct(StringComparer.Ordinal))
        {
            _globs.Add((pattern, SegmentGlob.Portable(pattern.StartsWith('/') ? pattern[1..] : "**/" + pattern)));
        }
    }

    /// <summary>The exclude covering <paramref name="relativePath"/> or one of its folders, or null.</summary>
    public string? Covering(string relativePath)
    {
        for (int end = relativePath.IndexOf('/'); ; end = relativePath.IndexOf('/', end + 1))
        {
            string path = end < 0 ? relativePath : relativePath[..end];
            foreach (var (pattern, glob) in _globs)
            {
                if (glob.IsMatch(path))
                {
                    return pattern;
                }
            }

            if (end < 0)
            {
                return null;
            }
        }
    }
}
