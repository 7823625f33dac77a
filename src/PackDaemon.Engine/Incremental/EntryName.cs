namespace PackDaemon.Engine.Incremental;

/// <summary>An archive entry's name with what its bytes depend on.</summary>
internal readonly record struct EntryName(string Name, EntryState State);
