using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Engine;

/// <summary>
/// A one-shot build checks each input on its open descriptor as it reads it: the stamp after the read must still be
/// the walk's. These tests change files between the "walk" (a real statx) and the read.
/// </summary>
public sealed class OneShotInputCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-oneshot-check-").FullName;

    [Fact]
    public void ReadWalked_FileAsTheWalkSawIt_IsNotChanged()
    {
        string path = Write("same.py", "x = 1\n");
        var walked = FileStatus.ToStamp(Statx.Path(path));

        var bytes = SourceReader.ReadWalked(path, walked.Size, walked, out bool changed).ToArray();

        Assert.False(changed);
        Assert.Equal("x = 1\n"u8.ToArray(), bytes);
    }

    [Theory]
    [InlineData("x = 22\n", 0)] // rewritten with another size
    [InlineData("x = 2\n", 5)] // same size, a newer write
    public void ReadWalked_FileWrittenAfterTheWalk_IsChanged(string newText, int laterSeconds)
    {
        string path = Write("edited.py", "x = 1\n");
        var walked = FileStatus.ToStamp(Statx.Path(path));
        File.WriteAllText(path, newText);
        if (laterSeconds > 0)
        {
            File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(laterSeconds));
        }

        SourceReader.ReadWalked(path, walked.Size, walked, out bool changed);

        Assert.True(changed);
    }

    [Fact]
    public void ReadWalked_WithoutAStampToCheck_NeverReportsAChange()
    {
        string path = Write("unchecked.py", "x = 1\n");
        var walked = FileStatus.ToStamp(Statx.Path(path));
        File.WriteAllText(path, "x = 333\n");

        SourceReader.ReadWalked(path, walked.Size, null, out bool changed);

        Assert.False(changed);
    }

    [Fact]
    public void Load_OneShot_NamesExactlyTheFilesChangedSinceTheirWalk()
    {
        string kept = Write("pkg/kept.py", "a = 1\n");
        string moved = Write("pkg/moved.py", "b = 1\n");
        var work = new[] { Work("pkg/kept.py", kept), Work("pkg/moved.py", moved) };
        File.WriteAllText(moved, "b = 2222\n");

        var loaded = ContentLoader.Load(work, BuildState.ForOneBuild(), DateTimeOffset.UnixEpoch, new SecretsGuard([]), new DiagnosticBag(), CancellationToken.None);

        Assert.Equal(["pkg/moved.py"], InputVerifier.ChangedSinceWalk(loaded));
    }

    [Fact]
    public void Load_DaemonState_LeavesTheCheckToThePostBuildRestat()
    {
        string moved = Write("pkg/later.py", "c = 1\n");
        var work = new[] { Work("pkg/later.py", moved) };
        File.WriteAllText(moved, "c = 2222\n");

        var loaded = ContentLoader.Load(work, new BuildState(), DateTimeOffset.UnixEpoch, new SecretsGuard([]), new DiagnosticBag(), CancellationToken.None);

        Assert.Empty(InputVerifier.ChangedSinceWalk(loaded));
    }

    [Fact]
    public void Load_FileThatVanishedAfterItsWalk_IsHandedBackForAnotherReconcile_NotAnError()
    {
        // vim's backup file~ vanishes between walk and read in a save storm: the tree moved, the build did not fail.
        string kept = Write("pkg/kept.py", "a = 1\n");
        string gone = Write("pkg/kept.py~", "a = 0\n");
        var work = new[] { Work("pkg/kept.py", kept), Work("pkg/kept.py~", gone) };
        File.Delete(gone);
        var diagnostics = new DiagnosticBag();
        var vanished = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var loaded = ContentLoader.Load(work, new BuildState(), DateTimeOffset.UnixEpoch, new SecretsGuard([]), diagnostics, CancellationToken.None, vanished);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["pkg/kept.py~"], vanished);
        Assert.Equal(["pkg/kept.py"], loaded.Select(l => l.Work.RelativePath));
    }

    [Fact]
    public void Load_FileThatVanished_OnTheLastAttempt_IsAnErrorNamingIt()
    {
        string gone = Write("pkg/gone.py", "a = 0\n");
        var work = new[] { Work("pkg/gone.py", gone) };
        File.Delete(gone);
        var diagnostics = new DiagnosticBag();

        ContentLoader.Load(work, new BuildState(), DateTimeOffset.UnixEpoch, new SecretsGuard([]), diagnostics, CancellationToken.None);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("pkg/gone.py", error.File);
    }

    [Fact]
    public void Load_SelectedFifo_IsRefusedByName_InsteadOfPackagedEmpty()
    {
        string fifo = Path.Join(_folder, "pkg", "events.pipe");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var diagnostics = new DiagnosticBag();
        var loaded = ContentLoader.Load([Work("pkg/events.pipe", fifo)], new BuildState(), DateTimeOffset.UnixEpoch, new SecretsGuard([]), diagnostics, CancellationToken.None);

        Assert.Empty(loaded);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.InputNotRegularFile, "pkg/events.pipe"), (error.Code, error.File));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static LoadWork Work(string relativePath, string fullPath)
    {
        var walked = Statx.Path(fullPath);
        return new LoadWork(relativePath, fullPath, walked.Size, false, relativePath, null) { Walked = walked };
    }

    private string Write(string relativePath, string text)
    {
        string path = Path.Join(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
