using System.Security.Cryptography;

namespace PackDaemon.Engine.Incremental;

/// <summary>The SHA-256 of a file's bytes read by path, for the few files hashed outside the parallel read phase: a
/// hinted file whose stamp moved, and a racy input checked again after a build.</summary>
internal static class FileDigest
{
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static Sha256Value Of(string fullPath) => Sha256Value.From(SHA256.HashData(File.ReadAllBytes(fullPath)));
}
