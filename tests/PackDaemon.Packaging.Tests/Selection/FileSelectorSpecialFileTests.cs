using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Tests.Engine;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class FileSelectorSpecialFileTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Select_Fifo_IsWalkedAsAnEmptyFile()
    {
        // Size 0 is what makes the build stat the path before ever opening it (ContentLoader.Read).
        _tree.Files("app/__init__.py");
        SourceReaderNativeTests.MakeFifo(Path.Join(_tree.Root, "app", "pipe"));

        var (selection, _) = TempTree.Select(_tree.Options());

        var pipe = selection.Wheel.Single(f => f.ArchivePath == "app/pipe").Source;
        Assert.Equal(0, pipe.Size);
        Assert.False(pipe.IsExecutable);
    }

    [Fact]
    public void Select_InRootSymlinkToFile_CarriesTheTargetsSizeAndExecBit()
    {
        _tree.File("app/__init__.py", "").File("app/real.sh", "#!/bin/sh\necho\n");
        File.SetUnixFileMode(Path.Join(_tree.Root, "app", "real.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Join(_tree.Root, "app", "link.sh"), "real.sh");

        var (selection, _) = TempTree.Select(_tree.Options());

        var link = selection.Wheel.Single(f => f.ArchivePath == "app/link.sh").Source;
        Assert.Equal(15, link.Size);
        Assert.True(link.IsExecutable);
    }
}
