using System.IO.Compression;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Compresses bytes into a self-contained, byte-aligned piece of a raw deflate stream: a fresh deflater (no window
/// shared with what comes before), ended by a sync flush and never finished, so no block carries the final bit.
/// Pieces made this way can be concatenated in any order into one valid stream, closed by <see cref="FinalBlock"/>.
/// </summary>
public static class DeflateSegment
{
    /// <summary>An empty fixed-Huffman block with the final bit set (BFINAL=1, BTYPE=01, end-of-block code), padded to a byte.</summary>
    public static ReadOnlySpan<byte> FinalBlock => [0x03, 0x00];

    private static readonly ZLibCompressionOptions s_options = new()
    {
        CompressionLevel = EntryCompressor.DeflateLevel,
        CompressionStrategy = ZLibCompressionStrategy.Default,
    };

    [ThreadStatic]
    private static MemoryStream? t_scratch;

    /// <summary>Deflates <paramref name="head"/>, <paramref name="body"/> and <paramref name="zeroPadding"/> zero bytes as one piece.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> head, ReadOnlySpan<byte> body, int zeroPadding)
    {
        var scratch = t_scratch ??= new MemoryStream();
        scratch.SetLength(0);
        long flushedLength;
        using (var deflate = new DeflateStream(scratch, s_options, leaveOpen: true))
        {
            deflate.Write(head);
            deflate.Write(body);
            if (zeroPadding > 0)
            {
                Span<byte> zeros = stackalloc byte[zeroPadding];
                zeros.Clear();
                deflate.Write(zeros);
            }

            // DeflateStream.Flush is zlib's sync flush: everything so far is emitted, ending on a byte boundary with an
            // empty stored block (00 00 FF FF). What disposing appends after it (the final block) is cut off below.
            deflate.Flush();
            flushedLength = scratch.Length;
        }

        byte[] piece = GC.AllocateUninitializedArray<byte>((int)flushedLength);
        scratch.GetBuffer().AsSpan(0, piece.Length).CopyTo(piece);
        if (scratch.Capacity > 4 << 20)
        {
            // Keep the per-thread buffer for ordinary files; do not hold a one-off huge buffer forever.
            t_scratch = null;
        }

        return piece;
    }
}
