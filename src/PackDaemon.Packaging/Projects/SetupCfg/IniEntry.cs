namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>One <c>key = value</c> of an INI section, with the key as written and the value's physical lines.</summary>
/// <param name="Key">The key as written (setuptools, not configparser, decides case and <c>-</c>/<c>_</c>).</param>
/// <param name="Lines">The value's lines: the text after the delimiter first (possibly empty), then each continuation
/// line; configparser joins them with <c>\n</c>, keeps empty lines between them and strips the end.</param>
internal sealed record IniEntry(string Key, int Line, int Column, IReadOnlyList<IniValueLine> Lines)
{
    /// <summary>The value exactly as configparser's <c>get(raw=True)</c> returns it.</summary>
    public string RawValue => string.Join('\n', Lines.Select(l => l.Text)).TrimEnd();

    /// <summary>Where the value's text starts: the first non-empty line, or the key when the value is empty.</summary>
    public IniValueLine FirstText => Lines.FirstOrDefault(l => l.Text.Length > 0) is { Text: not null } first
        ? first
        : new IniValueLine("", Line, Column);
}
