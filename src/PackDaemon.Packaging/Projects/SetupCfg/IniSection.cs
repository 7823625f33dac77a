namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>One <c>[name]</c> section of an INI file, in file order.</summary>
internal sealed record IniSection(string Name, int Line, IReadOnlyList<IniEntry> Entries);
