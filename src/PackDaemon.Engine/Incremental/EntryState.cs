namespace PackDaemon.Engine.Incremental;

/// <summary>What an archive entry's bytes depend on besides its name: its content and its mode.</summary>
internal readonly record struct EntryState(Sha256Value Content, bool Executable);
