using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using ICSharpCode.SharpZipLib.Zip.Compression;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Benchmarks;

/// <summary>
/// SharpZipLib's managed deflater against the zlib-ng engine behind System.IO.Compression, on the same real files.
/// The winner feeds precompressed bytes to the wheel writer; EntryCompressor is what packd actually runs per file.
/// </summary>
[MemoryDiagnoser]
public class CompressionBenchmarks
{
    private IReadOnlyList<byte[]> _files = [];
    private byte[] _output = new byte[1 << 20];

    [GlobalSetup]
    public void Setup() => _files = BenchmarkCorpus.Load();

    [Benchmark(Baseline = true)]
    public long SharpZipLibDeflaterLevel6()
    {
        long total = 0;
        var deflater = new Deflater(6, noZlibHeaderOrFooter: true);
        foreach (var file in _files)
        {
            deflater.Reset();
            deflater.SetInput(file);
            deflater.Finish();
            EnsureOutput(file.Length);
            while (!deflater.IsFinished)
            {
                total += deflater.Deflate(_output);
            }
        }

        return total;
    }

    [Benchmark]
    public long DeflateStreamOptimal() => DeflateAll(CompressionLevel.Optimal);

    [Benchmark]
    public long DeflateStreamFastest() => DeflateAll(CompressionLevel.Fastest);

    [Benchmark]
    public long DeflateStreamSmallestSize() => DeflateAll(CompressionLevel.SmallestSize);

    [Benchmark]
    public long EntryCompressorAsUsedByPackd()
    {
        long total = 0;
        foreach (var file in _files)
        {
            total += EntryCompressor.Compress("x.py", file).Data.Length;
        }

        return total;
    }

    private long DeflateAll(CompressionLevel level)
    {
        long total = 0;
        foreach (var file in _files)
        {
            using var buffer = new MemoryStream(file.Length / 3 + 64);
            using (var deflate = new DeflateStream(buffer, level, leaveOpen: true))
            {
                deflate.Write(file);
            }

            total += buffer.Length;
        }

        return total;
    }

    private void EnsureOutput(int length)
    {
        if (_output.Length < length + 1024)
        {
            _output = new byte[length + 1024];
        }
    }
}
