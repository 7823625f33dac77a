using System.IO.Compression;
using System.Text;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>Wheels must stay byte-identical: RawDeflate must give DeflateStream's bytes, and store exactly when it would.</summary>
public sealed class RawDeflateTests
{
    public static TheoryData<string, int> Inputs => new()
    {
        { "one byte", 1 },
        { "two bytes", 2 },
        { "text", 3_000 },
        { "random", 5_000 },
        { "zeros", 70_000 },
        { "text", 1_500_000 },
        { "random", 300_000 },
        { "mixed", 200_000 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TryCompress_GivesDeflateStreamsBytes_OrStoresWhenTheyAreNotSmaller(string kind, int length)
    {
        byte[] content = Make(kind, length);
        byte[] expected = ViaDeflateStream(content);

        Assert.True(RawDeflate.TryCompress(content, EntryCompressor.DeflateLevel, out byte[] output, out int compressedLength));

        if (expected.Length < content.Length)
        {
            Assert.Equal(expected, output.AsSpan(0, compressedLength).ToArray());
        }
        else
        {
            Assert.Equal(-1, compressedLength);
        }
    }

    private static byte[] ViaDeflateStream(byte[] content)
    {
        var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, new ZLibCompressionOptions { CompressionLevel = EntryCompressor.DeflateLevel, CompressionStrategy = ZLibCompressionStrategy.Default }, leaveOpen: true))
        {
            deflate.Write(content);
        }

        return buffer.ToArray();
    }

    private static byte[] Make(string kind, int length)
    {
        var random = new Random(length);
        switch (kind)
        {
            case "random":
            {
                var bytes = new byte[length];
                random.NextBytes(bytes);
                return bytes;
            }

            case "zeros":
                return new byte[length];
            case "mixed":
            {
                var bytes = Encoding.ASCII.GetBytes(Text(length));
                random.NextBytes(bytes.AsSpan(length / 2, length / 4));
                return bytes;
            }

            default:
                return Encoding.ASCII.GetBytes(Text(length));
        }
    }

    private static string Text(int length)
    {
        var text = new StringBuilder(length + 100);
        for (int i = 0; text.Length < length; i++)
        {
            text.Append("def handler_").Append(i % 97).Append("(request):\n    return render(request, 'page_").Append(i).Append(".html')\n");
        }

        return text.ToString(0, length);
    }
}
