using System.Text;
using PackDaemon.Daemon.Rpc;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class FrameLimitingStreamTests
{
    [Fact]
    public void Read_FramesWithinTheLimit_PassThroughUnchanged()
    {
        var input = "Content-Length: 2\r\n\r\n{}content-length:3\r\nContent-Type: x\r\n\r\n[1]";

        var read = ReadAll(input, maxContentLength: 16);

        Assert.Equal(input, read);
    }

    [Fact]
    public void Read_FrameOverTheLimit_Throws()
        => Assert.Throws<InvalidDataException>(() => ReadAll("Content-Length: 999999999\r\n\r\n{", maxContentLength: 16 * 1024 * 1024));

    [Fact]
    public void Read_HeaderBlockWithoutContentLength_Throws()
        => Assert.Throws<InvalidDataException>(() => ReadAll("Content-Type: x\r\n\r\n{}", maxContentLength: 16));

    [Fact]
    public void Read_EndlessHeader_Throws()
        => Assert.Throws<InvalidDataException>(() => ReadAll(new string('a', 10_000), maxContentLength: 16));

    [Fact]
    public void Read_BodyContainingHeaderLikeText_IsNotParsedAsHeaders()
    {
        var body = "{\"x\":\"\\n\\n\"}\n\n";
        var input = $"Content-Length: {body.Length}\r\n\r\n{body}Content-Length: 2\r\n\r\n{{}}";

        Assert.Equal(input, ReadAll(input, maxContentLength: 64));
    }

    private static string ReadAll(string input, long maxContentLength)
    {
        using var stream = new FrameLimitingStream(new MemoryStream(Encoding.ASCII.GetBytes(input)), maxContentLength);
        var output = new MemoryStream();
        var buffer = new byte[7]; // small reads, so headers and bodies straddle read boundaries
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return Encoding.ASCII.GetString(output.ToArray());
    }
}
