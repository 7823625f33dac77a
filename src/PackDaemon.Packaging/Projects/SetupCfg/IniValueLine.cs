namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>One physical line of an INI value, stripped, with where its text starts in the file (1-based).</summary>
internal readonly record struct IniValueLine(string Text, int Line, int Column);
