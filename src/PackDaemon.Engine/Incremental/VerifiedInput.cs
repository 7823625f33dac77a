namespace PackDaemon.Engine.Incremental;

/// <summary>An input the build used as the index knows it, checked again once every read is done: a file that was
/// read (its stamp and hash at the read), or a hinted file whose stamp had not moved, so its cached bytes were used.</summary>
/// <param name="Racy">The stamp cannot prove the bytes (written within the file clock's tick): compare hashes too.</param>
internal sealed record VerifiedInput(string RelativePath, string FullPath, FileStamp Stamp, Sha256Value Sha256, bool Racy);
