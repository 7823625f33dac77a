using PackDaemon.Packaging.Archives;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Write_MissingFolder_CreatesFolderAndFile()
    {
        string path = Path.Combine(_temp.Path, "dist", "sub", "app-1.0-py3-none-any.whl");

        AtomicFile.Write(path, s => s.Write("wheel"u8));

        Assert.Equal("wheel"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Write_ExistingFile_ReplacedAndNoTempLeft()
    {
        string path = _temp.File("app.tar.gz");
        File.WriteAllText(path, "old old old old");

        AtomicFile.Write(path, s => s.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Write_WriterThrows_OldFileIntactNoTempLeftExceptionPropagates()
    {
        string path = _temp.File("app.whl");
        File.WriteAllText(path, "previous artifact");

        var thrown = Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("half a wheel"u8);
            throw new InvalidDataException("boom");
        }));

        Assert.Equal("boom", thrown.Message);
        Assert.Equal("previous artifact", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Write_WriterThrowsWithoutPreviousFile_NothingLeft()
    {
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(_temp.File("x.whl"), _ => throw new InvalidOperationException()));

        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Write_SweepsTempFilesOfDeadWriters_OfThisAndOlderVersions_AndNothingElse()
    {
        // A writer killed with -9 leaves its temp file; the next write into the folder removes it, whatever artifact it
        // was for and whichever packd version named it. Temp files of live writers (here: this process) and of other
        // tools stay.
        string path = _temp.File("app-1.0-py3-none-any.whl");
        int deadPid = StartAndReapProcess();
        string abandoned = _temp.File($".packd-{deadPid}-0123456789abcdef.tmp");
        string abandonedByOlderVersion = _temp.File($".app-1.0-py3-none-any.whl.{deadPid}.0123456789abcdef.tmp");
        string otherArtifactOlderVersion = _temp.File($".app-1.0.tar.gz.{deadPid}.0123456789abcdef.tmp");
        string live = _temp.File($".packd-{Environment.ProcessId}-0123456789abcdef.tmp");
        string notOurs = _temp.File(".app-1.0-py3-none-any.whl.backup.tmp");
        foreach (var file in new[] { abandoned, abandonedByOlderVersion, otherArtifactOlderVersion, live, notOurs })
        {
            File.WriteAllText(file, "partial");
        }

        AtomicFile.Write(path, s => s.Write("wheel"u8));

        Assert.False(File.Exists(abandoned));
        Assert.False(File.Exists(abandonedByOlderVersion));
        Assert.False(File.Exists(otherArtifactOlderVersion));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(notOurs));
        Assert.Equal("wheel", File.ReadAllText(path));
    }

    [Fact]
    public void Write_ArtifactNameNear255Bytes_UsesATempNameThatStillFits()
    {
        // A 230-character project name: the wheel's own name fits the 255-byte limit, a temp name built from it did not.
        string name = new string('a', 230) + "-1.0-py3-none-any.whl";
        string path = _temp.File(name);

        AtomicFile.Write(path, s => s.Write("wheel"u8));

        Assert.Equal("wheel", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    /// <summary>A pid that certainly ran and no longer does.</summary>
    private static int StartAndReapProcess()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose() => _temp.Dispose();
}
