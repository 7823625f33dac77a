using PackDaemon.Engine.Incremental;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

public sealed class IncrementalBuilderTests : IDisposable
{
    private const string Module = "flask_app/cli.py";
    private readonly ProjectCopy _project = new();
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    [Fact]
    public void Touch_RebuildsNothingAndLeavesTheArtifactsAlone()
    {
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        var first = builder.Build(_project.Request, ChangeHints.All, _cancel);
        var mtimes = first.Result.Artifacts.Select(a => File.GetLastWriteTimeUtc(a.Path)).ToList();

        File.SetLastWriteTimeUtc(_project.Full(Module), DateTime.UtcNow.AddMinutes(5));
        var touched = builder.Build(_project.Request, ChangeHints.For([Module]), _cancel);

        Assert.True(touched.UpToDate);
        Assert.Empty(touched.ChangedEntries);
        Assert.Equal(0, touched.ChangedFiles);
        Assert.All(touched.Result.Artifacts, a => Assert.False(a.Rewritten));
        Assert.Equal(mtimes, touched.Result.Artifacts.Select(a => File.GetLastWriteTimeUtc(a.Path)));
        _project.AssertSameAsClean(touched, "touch");
    }

    [Fact]
    public void IdenticalAtomicSave_NewInodeSameBytes_RebuildsNothing()
    {
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        var first = builder.Build(_project.Request, ChangeHints.All, _cancel);
        var mtimes = first.Result.Artifacts.Select(a => File.GetLastWriteTimeUtc(a.Path)).ToList();

        File.WriteAllBytes(_project.Full(Module + ".swp"), File.ReadAllBytes(_project.Full(Module)));
        File.Move(_project.Full(Module + ".swp"), _project.Full(Module), overwrite: true);
        var saved = builder.Build(_project.Request, ChangeHints.For([Module, Module + ".swp"]), _cancel);

        Assert.True(saved.UpToDate);
        Assert.Empty(saved.ChangedEntries);
        Assert.All(saved.Result.Artifacts, a => Assert.False(a.Rewritten));
        Assert.Equal(mtimes, saved.Result.Artifacts.Select(a => File.GetLastWriteTimeUtc(a.Path)));
    }

    [Fact]
    public void OneFileEdit_ChangesThatEntryAndRecordInTheWheelAndThatMemberInTheSdist()
    {
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        builder.Build(_project.Request, ChangeHints.All, _cancel);

        File.AppendAllText(_project.Full(Module), "# edited\n");
        var edited = builder.Build(_project.Request, ChangeHints.For([Module]), _cancel);

        Assert.False(edited.UpToDate);
        Assert.Equal(1, edited.ChangedFiles);
        Assert.Equal(
            [Module, "flask_app-1.0.0.dist-info/RECORD", "flask_app-1.0.0/" + Module],
            edited.ChangedEntries);
        Assert.All(edited.Result.Artifacts, a => Assert.True(a.Rewritten));
        _project.AssertSameAsClean(edited, "one-file edit");
    }

    [Fact]
    public void EditToAnIgnoredFile_RebuildsNothing()
    {
        File.WriteAllText(_project.Full("flask_app/debug.log"), "one\n");
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        builder.Build(_project.Request, ChangeHints.All, _cancel);

        File.AppendAllText(_project.Full("flask_app/debug.log"), "two\n");
        var first = builder.Build(_project.Request, ChangeHints.For(["flask_app/debug.log"]), _cancel);
        File.AppendAllText(_project.Full("flask_app/debug.log"), "three\n");
        var second = builder.Build(_project.Request, ChangeHints.For(["flask_app/debug.log"]), _cancel);

        Assert.True(first.UpToDate);
        Assert.True(second.UpToDate);
    }

    [Fact]
    public void CancelledBuild_TheNextBuildCatchesUpWithItsHints()
    {
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        builder.Build(_project.Request, ChangeHints.All, _cancel);
        File.AppendAllText(_project.Full(Module), "# edited\n");
        using (var cancelled = new CancellationTokenSource())
        {
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => builder.Build(_project.Request, ChangeHints.For([Module]), cancelled.Token));
        }

        // The workspace passes only the newer hints; the cancelled build's must not be lost.
        var next = builder.Build(_project.Request, ChangeHints.For([]), _cancel);

        Assert.Contains(Module, next.ChangedEntries);
        _project.AssertSameAsClean(next, "after a cancelled build");
    }

    [Fact]
    public void Restart_WarmStartsFromTheCacheWithoutRewriting()
    {
        using (var builder = new IncrementalBuilder(_project.Root))
        {
            builder.Build(_project.Request, ChangeHints.All, _cancel);
        }

        Assert.Equal("*\n", File.ReadAllText(_project.Full(".packd_cache/.gitignore")));
        using var restarted = new IncrementalBuilder(_project.Root);
        var warm = restarted.Build(_project.Request, ChangeHints.All, _cancel);

        Assert.Equal("loaded", restarted.CacheLoadOutcome);
        Assert.True(warm.UpToDate);
        Assert.Equal(0, warm.ChangedFiles);
        _project.AssertSameAsClean(warm, "warm start");
    }

    [Theory]
    [InlineData("index.bin", "flip")]
    [InlineData("index.bin", "truncate")]
    [InlineData("blobs.pack", "flip")]
    [InlineData("blobs.pack", "truncate")]
    [InlineData("index.bin", "empty")]
    public void CorruptCache_IsDiscardedAndTheBuildIsStillCorrect(string file, string damage)
    {
        using (var builder = new IncrementalBuilder(_project.Root))
        {
            builder.Build(_project.Request, ChangeHints.All, _cancel);
        }

        string path = _project.Full(".packd_cache/" + file);
        byte[] bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "flip" => Flip(bytes),
            "truncate" => bytes[..(bytes.Length * 2 / 3)],
            _ => [],
        };
        File.WriteAllBytes(path, bytes);

        // The tree changed while the daemon was down; a trusted corrupt cache could hide that.
        File.AppendAllText(_project.Full(Module), "# while stopped\n");
        using var restarted = new IncrementalBuilder(_project.Root);
        var result = restarted.Build(_project.Request, ChangeHints.All, _cancel);

        Assert.StartsWith("discarded", restarted.CacheLoadOutcome);
        _project.AssertSameAsClean(result, $"{damage} {file}");
    }

    [Fact]
    public void PackTruncatedWhileRunning_TheNextWriteStartsAFreshPackThatLoads()
    {
        using (var builder = new IncrementalBuilder(_project.Root))
        {
            builder.Build(_project.Request, ChangeHints.All, _cancel);
            builder.Flush();
            File.WriteAllBytes(_project.Full(".packd_cache/blobs.pack"), new byte[10]);

            File.AppendAllText(_project.Full(Module), "# edited\n");
            builder.Build(_project.Request, ChangeHints.For([Module]), _cancel);
            builder.Flush();
        }

        using var restarted = new IncrementalBuilder(_project.Root);
        var warm = restarted.Build(_project.Request, ChangeHints.All, _cancel);

        Assert.Equal("loaded", restarted.CacheLoadOutcome);
        Assert.True(warm.UpToDate);
        _project.AssertSameAsClean(warm, "after a pack rewrite");
    }

    private static byte[] Flip(byte[] bytes)
    {
        // Somewhere in the middle of the data, past the headers: a blob or an index row.
        bytes[bytes.Length / 2] ^= 0x5A;
        return bytes;
    }

    public void Dispose() => _project.Dispose();
}
