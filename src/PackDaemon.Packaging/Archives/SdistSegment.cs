namespace PackDaemon.Packaging.Archives;

/// <summary>
/// One tar member of an sdist (its header, content and padding) compressed on its own into a byte-aligned piece of a
/// deflate stream, so an unchanged member is copied into the next sdist as-is. See <see cref="SdistWriter"/>.
/// </summary>
/// <param name="Deflated">Raw deflate blocks ending with a sync flush and no final-block bit.</param>
/// <param name="Crc32">CRC-32 of the uncompressed tar bytes of this member.</param>
/// <param name="TarLength">Length of those tar bytes (a multiple of 512).</param>
public sealed record SdistSegment(ReadOnlyMemory<byte> Deflated, uint Crc32, long TarLength);
