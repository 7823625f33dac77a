using System.IO.Compression;
using PackDaemon.Engine.Watching;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Tests.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>End to end on a copy of flask-app: the real FileSystemWatcher, the real clock and the production builder.</summary>
public sealed class WorkspaceWatchingTests : IAsyncDisposable
{
    private const string Module = "flask_app/cli.py";

    private readonly FlaskAppCopy _app = new();
    private RecordingBuilder? _builder;
    private Workspace? _workspace;
    private BuildRecorder? _finished;

    [Fact]
    public async Task Save_IsBuiltByItself_WithANewGeneration()
    {
        var workspace = await StartAsync();

        _app.Write(Module, "SAVED = 1\n");
        var build = await _finished!.NextMatchingAsync(b => WheelText(Module) == "SAVED = 1\n");

        Assert.True(build.Outcome.Result.Succeeded);
        Assert.Equal("watch", build.Trigger);
        Assert.True(build.Generation >= 2);
        Assert.Equal(0, workspace.Snapshot().Rescans);
    }

    [Fact]
    public async Task AtomicSaves_EndAsAChangeOfTheRealFile_AndNeverFailABuild()
    {
        await StartAsync();

        // Write a temp file, rename it over the target (most editors).
        _app.Write(Module + ".tmp8731", "ATOMIC = 1\n");
        File.Move(_app.PathOf(Module + ".tmp8731"), _app.PathOf(Module), overwrite: true);
        await _finished!.NextMatchingAsync(b => WheelText(Module) == "ATOMIC = 1\n");

        // JetBrains safe write: temp, old aside, temp into place, old removed.
        _app.Write(Module + "___jb_tmp___", "SAFE = 1\n");
        File.Move(_app.PathOf(Module), _app.PathOf(Module + "___jb_old___"));
        File.Move(_app.PathOf(Module + "___jb_tmp___"), _app.PathOf(Module));
        File.Delete(_app.PathOf(Module + "___jb_old___"));
        await _finished.NextMatchingAsync(b => WheelText(Module) == "SAFE = 1\n");

        Assert.All(_finished.All, b => Assert.True(b.Outcome.Result.Succeeded, string.Join("\n", b.Outcome.Result.Diagnostics)));
        Assert.Contains(_builder!.Calls, hints => hints.RelativePaths.Contains(Module) && hints.RelativePaths.Contains(Module + "___jb_tmp___"));
    }

    [Fact]
    public async Task IgnoredFolders_StartNoBuild()
    {
        await StartAsync();
        var callsBefore = _builder!.Calls.Count;

        _app.Write("node_modules/left-pad/index.js", "module.exports = 1\n");
        _app.Write("flask_app/__pycache__/cli.cpython-312.pyc", "");
        _app.Write(".venv/lib/site.py", "");
        _app.Write("dist/stray.txt", "");
        _app.Write(".mypy_cache/3.12/x.json", "{}");
        // Events come in order: once a build has seen the sentinel, every ignored write before it has been filtered.
        _app.Write("flask_app/sentinel.py", "");
        await _finished!.NextMatchingAsync(_ => _builder.Calls.Any(h => h.RelativePaths.Contains("flask_app/sentinel.py")));

        var later = _builder.Calls.Skip(callsBefore).ToList();
        Assert.Single(later);
        Assert.Equal(["flask_app/sentinel.py"], later[0].RelativePaths);
    }

    [Fact]
    public async Task BuildAsync_RightAfterASave_SeesIt()
    {
        var workspace = await StartAsync(autoBuild: false);
        await workspace.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken);

        _app.Write("flask_app/fresh.py", "FRESH = 1\n");
        var build = await workspace.BuildAsync(new WorkspaceBuildRequest(true, true, null), TestContext.Current.CancellationToken);

        Assert.True(build.Outcome.Result.Succeeded);
        Assert.Equal("FRESH = 1\n", WheelText("flask_app/fresh.py"));
        var hints = _builder!.Calls.Last();
        Assert.False(hints.Everything);
        Assert.Contains("flask_app/fresh.py", hints.RelativePaths);
        Assert.Equal(0, workspace.Snapshot().Rescans);
        Assert.Empty(Directory.EnumerateFiles(_app.PathOf(".packd_cache/cookies")));
        Assert.Equal("*\n", File.ReadAllText(_app.PathOf(".packd_cache/.gitignore")));
    }

    [Fact]
    public async Task WatcherError_IsCountedAsARescan_AndTheNextBuildReconcilesEverything()
    {
        var fileSystemWatcher = new ErrorRaisingFileSystemWatcher();
        await StartAsync(createWatcher: (root, filter, sink) => FileSystemTreeWatcher.Create(root, filter, sink, fileSystemWatcher));

        fileSystemWatcher.RaiseError(new InternalBufferOverflowException());
        await _finished!.NextAsync();

        Assert.Equal(1, _workspace!.Snapshot().Rescans);
        Assert.True(_builder!.Calls.Last().Everything);
    }

    [Fact]
    public async Task WatcherThatCannotStart_FallsBackToPolling_AndStillSeesSaves()
    {
        var workspace = await StartAsync(createWatcher: (_, _, _) =>
            throw new IOException("The configured user limit (128) on the number of inotify instances has been reached.", 24));

        var snapshot = workspace.Snapshot();
        _app.Write(Module, "POLLED = 1\n");
        await _finished!.NextMatchingAsync(b => WheelText(Module) == "POLLED = 1\n");

        Assert.Equal("polling", snapshot.WatchMode);
        Assert.Contains("fs.inotify.max_user_watches", snapshot.WatchWarning, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null)
        {
            await _workspace.DisposeAsync();
        }

        _app.Dispose();
    }

    private async Task<Workspace> StartAsync(bool autoBuild = true, TreeWatcherFactory? createWatcher = null)
    {
        var hooks = WorkspaceHooks.Production with
        {
            CreateBuilder = root => _builder = new RecordingBuilder(root),
            CreateWatcher = createWatcher ?? WorkspaceHooks.Production.CreateWatcher,
        };
        var options = WorkspaceOptions.Default(_app.Root) with { AutoBuild = autoBuild };
        _workspace = new Workspace(options, TimeProvider.System, hooks);
        _finished = new BuildRecorder(_workspace);
        _workspace.Start();
        if (autoBuild)
        {
            Assert.True((await _finished.NextAsync()).Outcome.Result.Succeeded);
        }

        return _workspace;
    }

    /// <summary>The text of one entry of the wheel in dist/, or null.</summary>
    private string? WheelText(string entry)
    {
        var wheel = Directory.EnumerateFiles(_app.PathOf("dist"), "*.whl").Single();
        using var zip = ZipFile.OpenRead(wheel);
        using var reader = zip.GetEntry(entry) is { } found ? new StreamReader(found.Open()) : null;
        return reader?.ReadToEnd();
    }
}
