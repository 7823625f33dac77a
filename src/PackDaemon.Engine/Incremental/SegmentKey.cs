namespace PackDaemon.Engine.Incremental;

/// <summary>Everything an sdist segment's bytes depend on: a cached segment is reused only when all of it matches.</summary>
/// <param name="MemberPath">Path in the tar, top folder included.</param>
internal readonly record struct SegmentKey(string MemberPath, bool Executable, long TarMtime, Sha256Value Content);
