namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>One command of MANIFEST.in.</summary>
/// <param name="Line">The 1-based line it starts on (a line continued with <c>\</c> spans several).</param>
/// <param name="Action">include, exclude, recursive-include, recursive-exclude, global-include, global-exclude, graft or prune.</param>
/// <param name="Folder">recursive-*'s folder; null for the other commands.</param>
/// <param name="Patterns">The patterns (graft and prune: their single folder pattern).</param>
internal sealed record ManifestCommand(int Line, string Action, string? Folder, IReadOnlyList<string> Patterns)
{
    public string Text => Folder is null ? $"{Action} {string.Join(' ', Patterns)}" : $"{Action} {Folder} {string.Join(' ', Patterns)}";
}
