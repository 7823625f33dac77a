using System.Text;
using PackDaemon.Cli.Daemon;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed class FrameReaderTests
{
    private static byte[] Frame(string json, string? extraHeader = null)
        => Encoding.UTF8.GetBytes($"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n{extraHeader}\r\n{json}");

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(17)]
    [InlineData(4096)]
    public async Task ReadsFrames_WhateverTheReadSizes(int chunk)
    {
        var bytes = Frame("{\"a\":1}").Concat(Frame("{\"b\":\"é\"}")).ToArray();
        var reader = new FrameReader(new TrickleStream(bytes, chunk));

        var first = await reader.ReadFrameAsync(TestContext.Current.CancellationToken);
        var second = await reader.ReadFrameAsync(TestContext.Current.CancellationToken);
        var end = await reader.ReadFrameAsync(TestContext.Current.CancellationToken);

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(first!));
        Assert.Equal("{\"b\":\"é\"}", Encoding.UTF8.GetString(second!));
        Assert.Null(end);
    }

    [Fact]
    public async Task OtherHeaders_AreIgnored_AndTheNameIsCaseInsensitive()
    {
        var bytes = Encoding.UTF8.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}");
        var reader = new FrameReader(new TrickleStream(bytes, 5));

        var frame = await reader.ReadFrameAsync(TestContext.Current.CancellationToken);

        Assert.Equal("{}", Encoding.UTF8.GetString(frame!));
    }

    [Fact]
    public async Task MissingContentLength_IsRejected()
    {
        var reader = new FrameReader(new TrickleStream(Encoding.UTF8.GetBytes("Content-Type: x\r\n\r\n{}"), 64));

        var ex = await Assert.ThrowsAsync<FramingException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("Content-Length", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizeFrame_IsRejectedBeforeItsBodyIsRead()
    {
        var header = $"Content-Length: {FrameReader.MaxFrameBytes + 1}\r\n\r\n";
        var reader = new FrameReader(new TrickleStream(Encoding.ASCII.GetBytes(header), 64));

        var ex = await Assert.ThrowsAsync<FramingException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken).AsTask());

        Assert.Contains("limit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndlessHeaderLine_IsRejected()
    {
        var garbage = Encoding.ASCII.GetBytes(new string('x', FrameReader.MaxHeaderBytes * 2));
        var reader = new FrameReader(new TrickleStream(garbage, 1000));

        await Assert.ThrowsAsync<FramingException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken).AsTask());
    }

    [Theory]
    [InlineData("Content-Length: 10\r\n\r\n{}")]
    [InlineData("Content-Length: 10\r\n")]
    [InlineData("Content-Len")]
    public async Task StreamEndingInsideAFrame_IsRejected(string truncated)
    {
        var reader = new FrameReader(new TrickleStream(Encoding.ASCII.GetBytes(truncated), 4));

        await Assert.ThrowsAsync<FramingException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task MalformedLength_IsRejected()
    {
        var reader = new FrameReader(new TrickleStream(Encoding.ASCII.GetBytes("Content-Length: -3\r\n\r\n"), 64));

        await Assert.ThrowsAsync<FramingException>(() => reader.ReadFrameAsync(TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task Writer_ProducesWhatTheReaderReads()
    {
        using var buffer = new MemoryStream();
        using (var writer = new FrameWriter(buffer))
        {
            await writer.WriteFrameAsync(Encoding.UTF8.GetBytes("{\"x\":\"ü\"}"), TestContext.Current.CancellationToken);
        }

        Assert.StartsWith("Content-Length: 10\r\n\r\n", Encoding.UTF8.GetString(buffer.ToArray()), StringComparison.Ordinal);
        var frame = await new FrameReader(new MemoryStream(buffer.ToArray())).ReadFrameAsync(TestContext.Current.CancellationToken);
        Assert.Equal("{\"x\":\"ü\"}", Encoding.UTF8.GetString(frame!));
    }
}
