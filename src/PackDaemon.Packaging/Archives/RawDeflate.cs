using System.IO.Compression;
using System.Runtime.InteropServices;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Raw deflate of a whole buffer through the runtime's own zlib-ng (the exports DeflateStream itself calls), with the
/// same parameters and the same call sequence (no-flush calls with 8 KiB of room until the input is taken, then finish
/// calls), so the bytes are DeflateStream's. Why not DeflateStream: per file it allocates the stream, a Deflater, a finalizable SafeHandle and
/// a pooled buffer, and writes through a MemoryStream that is copied again; with 20,000 small files those were a
/// visible share of the allocations that the GC then cleared and collected. The output goes straight into a
/// per-thread buffer; output that reaches the input's size is never kept (the file is stored), so deflating stops there.
/// </summary>
internal static unsafe partial class RawDeflate
{
    // Native AOT links this library statically and binds its exports directly; under the JIT it is found in the
    // shared framework folder. Should neither hold, the caller falls back to DeflateStream once and for all.
    private const string Library = "libSystem.IO.Compression.Native";

    private const int Deflated = 8; // Z_DEFLATED
    private const int RawWindowBits = -15; // raw deflate, 32 KiB window: DeflateStream's
    private const int DefaultMemLevel = 8; // ZLibNative.Deflate_DefaultMemLevel
    private const int DefaultStrategy = 0;
    private const int NoFlush = 0;
    private const int Finish = 4;
    private const int StreamEnd = 1;

    // DeflateStream's buffer size (DeflateStream.DefaultBufferSize): the room each deflate call gets.
    private const int CallRoom = 8192;

    private static volatile bool s_unavailable;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> s_checkedLevels = new();

    [ThreadStatic]
    private static byte[]? t_output;

    /// <summary>Deflates <paramref name="content"/> (not empty) at <paramref name="level"/>.</summary>
    /// <param name="compressedLength">The deflated length when it is below the input's, else -1 (store the input).</param>
    /// <param name="output">This thread's buffer holding the deflated bytes; valid until the thread's next call.</param>
    /// <returns>False when the native library cannot be used; use DeflateStream then.</returns>
    public static bool TryCompress(ReadOnlySpan<byte> content, int level, out byte[] output, out int compressedLength)
    {
        output = [];
        compressedLength = -1;
        if (s_unavailable)
        {
            return false;
        }

        try
        {
            if (!s_checkedLevels.ContainsKey(level) && !MatchesDeflateStream(level))
            {
                s_unavailable = true;
                return false;
            }

            output = OutputBuffer(content.Length + CallRoom);
            compressedLength = Compress(content, level, output);
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_unavailable = true;
            return false;
        }
    }

    /// <summary>Once per process and level: the exports are not a public contract, so before trusting them a sample is
    /// deflated both ways and must come out the same bytes. A runtime whose exports behave differently (another call
    /// pattern, another zlib) then falls back to DeflateStream instead of producing other bytes.</summary>
    private static bool MatchesDeflateStream(int level)
    {
        // ~40 KB of text that compresses like source code: repeated words with varying numbers.
        var sample = new System.Text.StringBuilder();
        for (int i = 0; sample.Length < 40_000; i++)
        {
            sample.Append(System.Globalization.CultureInfo.InvariantCulture, $"def handler_{i % 97}(request, item={i * 7919 % 1000}):\n    return render(item)\n");
        }

        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(sample.ToString());
        var expected = new MemoryStream();
        using (var deflate = new DeflateStream(expected, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        var actual = new byte[bytes.Length + CallRoom];
        int length = Compress(bytes, level, actual);
        bool same = length >= 0 && expected.GetBuffer().AsSpan(0, (int)expected.Length).SequenceEqual(actual.AsSpan(0, length));
        s_checkedLevels[level] = same;
        return same;
    }

    /// <summary>Drops this thread's buffer when one file made it huge, so a pool thread does not keep it forever.</summary>
    public static void ReleaseIfHuge()
    {
        if (t_output is { Length: > 4 << 20 })
        {
            t_output = null;
        }
    }

    private static byte[] OutputBuffer(int length)
    {
        var buffer = t_output;
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<byte>(Math.Max(length, 256 * 1024), pinned: true);
            t_output = buffer;
        }

        return buffer;
    }

    private static int Compress(ReadOnlySpan<byte> content, int level, byte[] output)
    {
        var stream = default(ZStream);
        Check(DeflateInit2(&stream, level, Deflated, RawWindowBits, DefaultMemLevel, DefaultStrategy), "deflateInit2");
        try
        {
            fixed (byte* input = content)
            fixed (byte* destination = output)
            {
                stream.NextIn = input;
                stream.AvailIn = (uint)content.Length;
                int written = 0;

                // Each call gets a fresh 8 KiB of room, as DeflateStream's buffer gives it: zlib-ng's output depends
                // on the room per call (measured: a 1.5 MB text came out different with all the room at once).
                while (stream.AvailIn > 0)
                {
                    written += Step(&stream, destination + written, NoFlush, out _);
                    if (written >= content.Length)
                    {
                        return -1;
                    }
                }

                while (true)
                {
                    written += Step(&stream, destination + written, Finish, out bool ended);
                    if (written >= content.Length)
                    {
                        return -1;
                    }

                    if (ended)
                    {
                        return written;
                    }
                }
            }
        }
        finally
        {
            _ = DeflateEnd(&stream);
        }
    }

    /// <summary>One deflate call with DeflateStream's room; returns the bytes it wrote.</summary>
    private static int Step(ZStream* stream, byte* destination, int flush, out bool ended)
    {
        stream->NextOut = destination;
        stream->AvailOut = CallRoom;
        int result = Deflate(stream, flush);
        Check(result, "deflate");
        ended = result == StreamEnd;
        return CallRoom - (int)stream->AvailOut;
    }

    private static void Check(int result, string call)
    {
        // Z_BUF_ERROR (-5) only says no progress was possible this call; Deflater treats it as legal too.
        if (result < 0 && result != -5)
        {
            throw new InvalidOperationException($"zlib {call} failed with {result}.");
        }
    }

    /// <summary>PAL_ZStream of System.IO.Compression.Native (pal_zlib.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public nint Message;
        public nint InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }

    [LibraryImport(Library, EntryPoint = "CompressionNative_DeflateInit2_")]
    private static partial int DeflateInit2(ZStream* stream, int level, int method, int windowBits, int memLevel, int strategy);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Deflate")]
    private static partial int Deflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "CompressionNative_DeflateEnd")]
    private static partial int DeflateEnd(ZStream* stream);
}
