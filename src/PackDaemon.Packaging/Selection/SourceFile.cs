namespace PackDaemon.Packaging.Selection;

/// <summary>A regular file inside the project root, as the walker saw it.</summary>
/// <param name="RelativePath">Relative to the project root, <c>/</c>-separated, NFC.</param>
/// <param name="FullPath">Absolute path to read the bytes from (a symlink's in-root target is read through the link).</param>
public sealed record SourceFile(string RelativePath, string FullPath, long Size, DateTime LastWriteUtc, bool IsExecutable);
