using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>The sdist's gzip stream is a concatenation of independently deflated members; these check the pieces and
/// that standard readers (zlib, Python's tarfile, gzip -t) see one ordinary member.</summary>
public sealed class SdistSegmentTests : IDisposable
{
    private static readonly DateTimeOffset s_time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Combine_RandomParts_EqualsCrcOfTheConcatenation(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 200; i++)
        {
            var first = new byte[random.Next(0, 3000)];
            var second = new byte[random.Next(0, 3000)];
            random.NextBytes(first);
            random.NextBytes(second);

            uint combined = Crc32Combination.Combine(Crc32.HashToUInt32(first), Crc32.HashToUInt32(second), second.Length);

            Assert.Equal(Crc32.HashToUInt32([.. first, .. second]), combined);
        }
    }

    [Fact]
    public void Combine_EmptyFirstPart_IsTheSecondCrc()
        => Assert.Equal(Crc32.HashToUInt32("abc"u8), Crc32Combination.Combine(0, Crc32.HashToUInt32("abc"u8), 3));

    [Fact]
    public void Compress_Segment_EndsOnASyncFlushMarkerWithoutTheFinalBit()
    {
        byte[] piece = DeflateSegment.Compress(Encoding.ASCII.GetBytes(new string('x', 5000)), "tail"u8, 3);

        Assert.Equal([0x00, 0x00, 0xFF, 0xFF], piece[^4..]);

        // Closed by the final block, the piece alone inflates to its input.
        using var inflate = new DeflateStream(new MemoryStream([.. piece, .. DeflateSegment.FinalBlock]), CompressionMode.Decompress);
        var output = new MemoryStream();
        inflate.CopyTo(output);
        Assert.Equal(5000 + 4 + 3, output.Length);
    }

    [Fact]
    public void CompressMember_SameInputs_SameSegmentAsWritingTheMemberDirectly()
    {
        var segment = SdistWriter.CompressMember("app-1.0/a.py", "print(1)\n"u8, executable: false, s_time);
        var viaSegment = Write(w => w.AddSegment("app-1.0/a.py", segment));
        var direct = Write(w => w.Add("app-1.0/a.py", "print(1)\n"u8, executable: false));

        Assert.Equal(direct, viaSegment);
        Assert.Equal(512 + 512L, segment.TarLength); // header block, then 9 bytes padded to a block
    }

    [Fact]
    public void Finish_ManySegments_GzipToolAndPythonTarfileAcceptIt()
    {
        string archive = _temp.File("app-1.0.tar.gz");
        File.WriteAllBytes(archive, Write(w =>
        {
            for (int i = 0; i < 50; i++)
            {
                w.Add($"app-1.0/pkg/m{i:D2}.py", Encoding.UTF8.GetBytes(new string('#', i * 37) + "\n"), executable: i % 7 == 0);
            }

            w.Add("app-1.0/pkg/big.bin", new byte[70_000], executable: false);
        }));

        Assert.Equal(string.Empty, Run("gzip", "-t", archive));
        string listing = Python.Run(
            "import sys, tarfile, os; t = tarfile.open(sys.argv[1]); t.extractall(sys.argv[2], filter='data');"
            + "print(len(t.getmembers()), os.path.getsize(os.path.join(sys.argv[2], 'app-1.0/pkg/big.bin')))",
            archive,
            _temp.File("out"));
        Assert.Equal("51 70000", listing.Trim());
    }

    private static byte[] Write(Action<SdistWriter> add)
    {
        var output = new MemoryStream();
        using (var writer = new SdistWriter(output, s_time))
        {
            add(writer);
            writer.Finish();
        }

        return output.ToArray();
    }

    private static string Run(string file, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    public void Dispose() => _temp.Dispose();
}
