using PackDaemon.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Watching;

/// <summary>The real FileSystemWatcher (inotify on Linux) on a temp tree.</summary>
public sealed class FileSystemTreeWatcherTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-fsw-" + Guid.NewGuid().ToString("N"));
    private readonly RecordingSink _sink = new();
    private readonly ErrorRaisingFileSystemWatcher _fileSystemWatcher = new();
    private readonly ITreeWatcher _watcher;

    public FileSystemTreeWatcherTests()
    {
        Directory.CreateDirectory(_root);
        _watcher = FileSystemTreeWatcher.Create(_root, new PathFilter(_root), _sink, _fileSystemWatcher);
    }

    [Fact]
    public async Task NewFolderTree_WrittenAtOnce_HintsEveryFileInIt()
    {
        // mkdir -p and writes faster than the watcher can add watches for the new folders: their own events can be lost,
        // so the watcher must scan each new folder itself.
        var expected = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var folder = Path.Combine(_root, "pkg", $"sub{i}", "deep");
            Directory.CreateDirectory(folder);
            for (var j = 0; j < 20; j++)
            {
                File.WriteAllText(Path.Combine(folder, $"m{j}.py"), "x = 1\n");
                expected.Add($"pkg/sub{i}/deep/m{j}.py");
            }
        }

        await _sink.WaitForPathsAsync([.. expected]);
    }

    [Fact]
    public async Task AtomicSave_RenameOverTheTarget_HintsBothPaths()
    {
        File.WriteAllText(Path.Combine(_root, "mod.py"), "old\n");
        File.WriteAllText(Path.Combine(_root, "mod.py.tmp1234"), "new\n");
        File.Move(Path.Combine(_root, "mod.py.tmp1234"), Path.Combine(_root, "mod.py"), overwrite: true);

        await _sink.WaitForPathsAsync("mod.py.tmp1234", "mod.py");
    }

    [Fact]
    public async Task IgnoredFolders_AreDroppedBeforeTheSink()
    {
        Directory.CreateDirectory(Path.Combine(_root, "node_modules", "left-pad"));
        File.WriteAllText(Path.Combine(_root, "node_modules", "left-pad", "index.js"), "");
        Directory.CreateDirectory(Path.Combine(_root, "pkg", "__pycache__"));
        File.WriteAllText(Path.Combine(_root, "pkg", "__pycache__", "m.cpython-312.pyc"), "");
        Directory.CreateDirectory(Path.Combine(_root, "dist"));
        File.WriteAllText(Path.Combine(_root, "dist", "x.whl"), "");
        // inotify keeps order: once the sentinel is seen, every earlier event has been handled.
        File.WriteAllText(Path.Combine(_root, "sentinel.py"), "");

        await _sink.WaitForPathsAsync("sentinel.py");

        Assert.DoesNotContain(_sink.Paths, p => p.Contains("node_modules", StringComparison.Ordinal)
            || p.Contains("__pycache__", StringComparison.Ordinal) || p.StartsWith("dist", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorEvents_AskForARescan_OrReportTheWatchLimit()
    {
        _fileSystemWatcher.RaiseError(new InternalBufferOverflowException());
        _fileSystemWatcher.RaiseError(new IOException("The configured user limit (8192) on the number of inotify watches has been reached.", 28));

        Assert.Equal(["watcher queue overflow"], _sink.Rescans);
        Assert.Single(_sink.Limits);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
