namespace PackDaemon.Engine.Incremental;

/// <summary>What a stat says about a file, enough to tell "certainly unchanged" from "must be hashed again".</summary>
/// <param name="MtimeNs">Modification time in nanoseconds since 1970.</param>
/// <param name="Inode">Inode number: an editor's save-by-rename gives a new inode even when size and mtime match.</param>
/// <param name="Executable">Any execute bit: it decides the archive mode (755/644) without touching the content.</param>
/// <param name="CtimeNs">Status-change time: no user-space tool can set it, so a change that preserves size and mtime
/// (<c>cp -p</c>, <c>touch -r</c>, a chmod making the file unreadable) still shows, as git's index relies on.</param>
public readonly record struct FileStamp(long Size, long MtimeNs, ulong Inode, bool Executable, long CtimeNs);
