using System.Net.Sockets;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Tests.Engine;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class StatxTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-statx-").FullName;

    [Fact]
    public void Path_RegularFile_GivesSizeMtimeInodeAndExecuteBit()
    {
        string file = Path.Join(_folder, "run.sh");
        File.WriteAllText(file, "#!/bin/sh\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherExecute);
        var mtime = new DateTime(2022, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);
        File.SetLastWriteTimeUtc(file, mtime);

        var node = Statx.Path(file);

        Assert.Equal(NodeKind.File, node.Kind);
        Assert.Equal(10, node.Size);
        Assert.Equal(mtime, node.LastWriteUtc);
        Assert.True(node.Executable);
        Assert.NotEqual(0UL, node.Inode);
    }

    [Fact]
    public void Entry_Symlink_DescribesTheLinkWhilePathFollowsIt()
    {
        File.WriteAllText(Path.Join(_folder, "target.py"), "x = 1\n");
        File.CreateSymbolicLink(Path.Join(_folder, "link.py"), "target.py");

        Assert.Equal(NodeKind.Symlink, Statx.Entry(_folder, "link.py").Kind);
        Assert.Equal(NodeKind.File, Statx.Path(Path.Join(_folder, "link.py")).Kind);
        Assert.Equal(NodeKind.Symlink, Statx.Path(Path.Join(_folder, "link.py"), followLinks: false).Kind);
    }

    [Fact]
    public void Entry_FolderWithOrWithoutTrailingSlash_AndMissingName()
    {
        Directory.CreateDirectory(Path.Join(_folder, "pkg"));

        Assert.Equal(NodeKind.Directory, Statx.Entry(_folder, "pkg").Kind);
        Assert.Equal(NodeKind.Directory, Statx.Entry(_folder + "/", "pkg").Kind);
        Assert.Equal(NodeKind.Missing, Statx.Entry(_folder, "nope").Kind);
    }

    [Fact]
    public void Entry_PathLongerThanTheStackBuffer_IsStillStated()
    {
        // 2 x 250 non-ASCII characters: ~1,500 UTF-8 bytes, more than the 1 KiB the path is built in on the stack.
        string deep = Path.Join(_folder, new string('é', 125), new string('ü', 125));
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Join(deep, "m.py"), "abc");

        var node = Statx.Entry(deep, "m.py");

        Assert.Equal(NodeKind.File, node.Kind);
        Assert.Equal(3, node.Size);
    }

    [Fact]
    public void Entry_FifoAndSocket_AreOther()
    {
        SourceReaderNativeTests.MakeFifo(Path.Join(_folder, "pipe"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Join(_folder, "sock")));

        Assert.Equal(NodeKind.Other, Statx.Entry(_folder, "pipe").Kind);
        Assert.Equal(NodeKind.Other, Statx.Entry(_folder, "sock").Kind);
    }

    [Fact]
    public void EntryAt_StatsRelativeToTheOpenFolder()
    {
        File.WriteAllText(Path.Join(_folder, "a.py"), "12345");
        File.CreateSymbolicLink(Path.Join(_folder, "link.py"), "a.py");
        int fd = Statx.OpenDirectory(_folder);
        try
        {
            Assert.True(fd >= 0);
            var file = Statx.EntryAt(fd, "a.py");
            Assert.Equal(NodeKind.File, file.Kind);
            Assert.Equal(5, file.Size);
            Assert.Equal(Statx.Path(Path.Join(_folder, "a.py")), file);
            Assert.Equal(NodeKind.Symlink, Statx.EntryAt(fd, "link.py").Kind);
            Assert.Equal(NodeKind.Missing, Statx.EntryAt(fd, "nope").Kind);
        }
        finally
        {
            Statx.CloseDirectory(fd);
        }
    }

    [Fact]
    public void OpenDirectory_OnAFileOrNothing_GivesMinusOne()
    {
        File.WriteAllText(Path.Join(_folder, "a.py"), "x");

        Assert.Equal(-1, Statx.OpenDirectory(Path.Join(_folder, "a.py")));
        Assert.Equal(-1, Statx.OpenDirectory(Path.Join(_folder, "missing")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
