using System.Diagnostics;
using PackDaemon.Engine.Building;

namespace PackDaemon.Packaging.Tests.Engine;

public sealed class SourceReaderNativeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-reader-native-").FullName;

    [Theory]
    [InlineData(10, 11, 10, true)] // short read of exactly the stat's size: the end, one pread
    [InlineData(0, 1, 0, true)]
    [InlineData(8, 11, 10, false)] // shorter than the stat said: the file shrank in between, read on
    [InlineData(11, 11, 10, false)] // the buffer filled: the file grew, read on
    [InlineData(10, 10, 10, false)] // nothing proves there is no byte after these
    public void ProvesEnd_OnlyAShortReadOfTheStatSize(int read, long requested, long statSize, bool expected)
        => Assert.Equal(expected, SourceReader.ProvesEnd(read, requested, statSize));

    [Theory]
    [InlineData(1000)]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(5000)]
    public void ReadIntoThreadBuffer_ReturnsTheBytesAndTheStampOfTheFile(int walkedSize)
    {
        string path = Path.Join(_folder, "data.bin");
        var bytes = new byte[1000];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var read = SourceReader.ReadIntoThreadBuffer(path, walkedSize, out var stamp).ToArray();

        Assert.Equal(bytes, read);
        Assert.Equal(1000, stamp.Size);
        Assert.Equal((File.GetLastWriteTimeUtc(path) - DateTime.UnixEpoch).Ticks, stamp.MtimeNs / 100);
        Assert.NotEqual(0UL, stamp.Inode);
    }

    [Theory]
    [InlineData(1000)] // unchanged since the walk's stat: one pread
    [InlineData(10)] // grew since: read on, then whole
    [InlineData(4000)] // shrank since: read until a read returns 0
    public void ReadWalked_ReturnsTheBytesOnDiskNow(int walkedSize)
    {
        string path = Path.Join(_folder, "walked.bin");
        var bytes = new byte[1000];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        Assert.Equal(bytes, SourceReader.ReadWalked(path, walkedSize).ToArray());
    }

    [Fact]
    public void ReadWalked_FileGoneSinceTheWalk_ThrowsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => SourceReader.ReadWalked(Path.Join(_folder, "gone.py"), 10));

    [Fact]
    public void ReadIntoThreadBuffer_MissingFile_ThrowsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => SourceReader.ReadIntoThreadBuffer(Path.Join(_folder, "gone.py"), 10));

    [Fact]
    public void ReadIntoThreadBuffer_Folder_IsRefusedAsAnIOProblem()
    {
        var ex = Record.Exception(() => SourceReader.ReadIntoThreadBuffer(_folder, 10));

        Assert.True(ex is IOException or UnauthorizedAccessException, ex?.ToString());
    }

    [Fact]
    public async Task ReadIntoThreadBuffer_FifoSwappedInAfterTheWalk_ReturnsEmptyWithoutBlocking()
    {
        // The walk saw a 10-byte file; a FIFO now has its name. Opening it for reading without O_NONBLOCK would wait
        // for a writer forever. The test runs the read on the pool so a regression fails instead of hanging the run.
        string fifo = MakeFifo(Path.Join(_folder, "pipe"));

        var read = Task.Run(() => SourceReader.ReadIntoThreadBuffer(fifo, 10, out _).Length);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Same(read, finished);
        Assert.Equal(0, await read);
    }

    internal static string MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
