using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using PackDaemon.Packaging.Archives;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class EntryCompressorTests
{
    [Fact]
    public void Compress_PythonSource_DeflatesAndInflatesBack()
    {
        byte[] content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("def handler(event, context):\n    return event\n", 50)));

        var blob = EntryCompressor.Compress("pkg/handler.py", content);

        Assert.Equal(ZipCompression.Deflated, blob.Method);
        Assert.True(blob.Data.Length < content.Length);
        Assert.Equal(content.Length, blob.UncompressedSize);
        using var inflate = new DeflateStream(new MemoryStream(blob.Data.ToArray()), CompressionMode.Decompress);
        var roundTrip = new MemoryStream();
        inflate.CopyTo(roundTrip);
        Assert.Equal(content, roundTrip.ToArray());
    }

    [Fact]
    public void Compress_CheckValue_CrcAndShaMatchStandardVectors()
    {
        // "123456789" is the CRC-32 check string (0xCBF43926); the SHA-256 of "" is the RECORD spec example.
        Assert.Equal(0xCBF43926u, EntryCompressor.Compress("a.txt", "123456789"u8).Crc32);
        Assert.Equal(
            "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU",
            RecordWriter.FormatHash(EntryCompressor.Compress("empty.py", []).Sha256));
    }

    [Theory]
    [InlineData("pkg/data/table.json.gz")]
    [InlineData("static/logo.PNG")]
    [InlineData("static/font.woff2")]
    [InlineData("vendor/lib.whl")]
    public void Compress_PrecompressedExtension_StoresEvenCompressibleBytes(string path)
    {
        byte[] content = new byte[4096]; // zeros: deflate would shrink them to almost nothing

        var blob = EntryCompressor.Compress(path, content);

        Assert.Equal(ZipCompression.Stored, blob.Method);
        Assert.Equal(content, blob.Data.ToArray());
    }

    [Fact]
    public void Compress_IncompressibleBytes_StoresWhenDeflateDoesNotShrink()
    {
        byte[] content = new byte[10_000];
        new Random(42).NextBytes(content);

        var blob = EntryCompressor.Compress("pkg/model.bin", content);

        Assert.Equal(ZipCompression.Stored, blob.Method);
        Assert.Equal(content, blob.Data.ToArray());
    }

    [Fact]
    public void Compress_EmptyFile_Stored()
    {
        var blob = EntryCompressor.Compress("pkg/__init__.py", []);

        Assert.Equal(ZipCompression.Stored, blob.Method);
        Assert.Equal(0, blob.Data.Length);
        Assert.Equal(0, blob.UncompressedSize);
    }

    [Theory]
    [InlineData("a/icon.ico", false)]
    [InlineData("a/manual.pdf", false)]
    [InlineData("a/archive.tar.gz", true)]
    [InlineData("a/photo.JPEG", true)]
    [InlineData("a/.gz", false)]
    [InlineData("a.gz/readme", false)]
    public void IsPrecompressed_ByLastExtensionOfFileName(string path, bool expected)
        => Assert.Equal(expected, EntryCompressor.IsPrecompressed(path));

    [Fact]
    public void Compress_InParallel_SameBlobsAsSerial()
    {
        var random = new Random(7);
        var inputs = Enumerable.Range(0, 400).Select(i =>
        {
            var text = new StringBuilder();
            int lines = random.Next(0, 400);
            for (int l = 0; l < lines; l++)
            {
                text.Append("line ").Append(random.Next(100)).Append('\n');
            }

            return ($"pkg/m{i}.py", Encoding.UTF8.GetBytes(text.ToString()));
        }).ToArray();

        var serial = inputs.Select(x => EntryCompressor.Compress(x.Item1, x.Item2)).ToArray();
        var parallel = new CompressedBlob[inputs.Length];
        Parallel.For(0, inputs.Length, i => parallel[i] = EntryCompressor.Compress(inputs[i].Item1, inputs[i].Item2));

        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(serial[i].Data.ToArray(), parallel[i].Data.ToArray());
            Assert.Equal(SHA256.HashData(inputs[i].Item2), parallel[i].Sha256);
            Assert.Equal(serial[i].Crc32, parallel[i].Crc32);
        }
    }
}
