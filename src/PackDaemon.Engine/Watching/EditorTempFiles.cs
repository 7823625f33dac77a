namespace PackDaemon.Engine.Watching;

/// <summary>
/// Maps an editor's temporary file to the file it stands for, so a save that goes through a temp name (vim's swap
/// files and <c>4913</c> probe, JetBrains' safe write, emacs' lock and backup files) also hints the real file.
/// </summary>
/// <remarks>
/// The temp path is hinted too: if it still exists at build time a clean build would see it, and incremental must
/// equal clean. Once it has vanished, the builder's re-stat finds nothing and the hint costs nothing.
/// </remarks>
internal static class EditorTempFiles
{
    private const string JetBrainsTemp = "___jb_tmp___";
    private const string JetBrainsOld = "___jb_old___";

    /// <summary>The real file a temp name stands for, or null when the name is not an editor temp or names no file
    /// (vim's <c>4913</c> probe).</summary>
    public static string? RealTarget(string relativePath)
    {
        var slash = relativePath.LastIndexOf('/');
        var folder = slash < 0 ? "" : relativePath[..(slash + 1)];
        var name = relativePath[(slash + 1)..];

        string? real = name switch
        {
            _ when name.EndsWith(JetBrainsTemp, StringComparison.Ordinal) => name[..^JetBrainsTemp.Length],
            _ when name.EndsWith(JetBrainsOld, StringComparison.Ordinal) => name[..^JetBrainsOld.Length],
            _ when name.Length > 1 && name.EndsWith('~') => name[..^1],
            _ when name.StartsWith(".#", StringComparison.Ordinal) => name[2..],
            _ when name.Length > 5 && name.StartsWith('.') && IsVimSwapSuffix(name[^4..]) => name[1..^4],
            _ => null,
        };

        return string.IsNullOrEmpty(real) ? null : folder + real;
    }

    private static bool IsVimSwapSuffix(string suffix)
        => suffix is ".swp" or ".swo" or ".swn" or ".swx";
}
