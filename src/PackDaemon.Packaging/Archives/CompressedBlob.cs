namespace PackDaemon.Packaging.Archives;

/// <summary>
/// One wheel entry's payload, ready to be copied into a zip as-is. It depends only on the content bytes and the
/// compression choice, so the daemon can cache it by content hash and reuse it across builds.
/// </summary>
/// <param name="Sha256">SHA-256 of the uncompressed bytes (RECORD needs it anyway).</param>
public sealed record CompressedBlob(uint Crc32, long UncompressedSize, byte[] Sha256, ReadOnlyMemory<byte> Data, ZipCompression Method);
