using PackDaemon.Engine.Building;

namespace PackDaemon.Packaging.Tests.Engine;

public sealed class SourceReaderTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "packd-reader-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1000)]
    [InlineData(300_000)]
    public void ReadIntoThreadBuffer_FileGrewOrShrankSinceTheWalk_ReturnsTheBytesOnDiskNow(int walkedSize)
    {
        var bytes = new byte[1000];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(_path, bytes);

        var read = SourceReader.ReadIntoThreadBuffer(_path, walkedSize).ToArray();

        Assert.Equal(bytes, read);
    }

    [Fact]
    public void ReadAll_EmptyFile_ReturnsEmpty()
    {
        File.WriteAllBytes(_path, []);

        Assert.Empty(SourceReader.ReadAll(_path));
    }

    public void Dispose() => File.Delete(_path);
}
