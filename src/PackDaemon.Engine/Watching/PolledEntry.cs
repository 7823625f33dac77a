namespace PackDaemon.Engine.Watching;

/// <summary>What the poller compares between two walks: any difference makes the path a hint.</summary>
internal readonly record struct PolledEntry(bool IsFolder, long Length, long LastWriteTicks, int Mode);
