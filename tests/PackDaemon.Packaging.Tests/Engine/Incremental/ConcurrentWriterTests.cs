using System.Globalization;
using System.IO.Compression;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>
/// Invariant 3 of the design: no artifact mixes two states of the tree. A writer saves two modules, first a then b,
/// with the same counter, in bursts that overlap the builds. The tree is only ever in states where a = b or a = b + 1;
/// a build that read b after a save and a before it would publish a = b - 1, a state the tree never was in. The
/// post-build re-verification must catch that and rebuild (or give up with PD5020), never publish it.
/// </summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private const string ModuleA = "flask_app/pair_a.py";
    private const string ModuleB = "flask_app/pair_b.py";
    private readonly ProjectCopy _project = new();
    private readonly string _staging = Path.Combine(Path.GetTempPath(), "packd-writer-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationToken _cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildsOverlappingAPairedWriter_NeverPublishAStateTheTreeWasNeverIn()
    {
        Directory.CreateDirectory(_staging);
        Save(ModuleA, 0);
        Save(ModuleB, 0);
        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        Assert.True(builder.Build(_project.Request, ChangeHints.All, _cancel).Result.Succeeded);

        using var burst = new SemaphoreSlim(0);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            // Each build releases one burst of saves, so the saves race the build's reads without any sleep.
            var n = 0;
            while (true)
            {
                await burst.WaitAsync(stop.Token);
                for (var i = 0; i < 25; i++)
                {
                    n++;
                    Save(ModuleA, n);
                    Save(ModuleB, n);
                }
            }
        }, CancellationToken.None);

        var published = 0;
        try
        {
            for (var build = 0; build < 150; build++)
            {
                burst.Release();
                var result = builder.Build(_project.Request, ChangeHints.For([ModuleA, ModuleB]), _cancel).Result;
                if (!result.Succeeded)
                {
                    Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.TreeChangedDuringBuild);
                    continue;
                }

                var wheel = result.Artifacts.Single(a => a.Kind == "wheel").Path;
                var (a, b) = ReadPair(wheel);
                Assert.True(a == b || a == b + 1, $"build {build} published a = {a}, b = {b}: a state the tree was never in.");
                published++;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
        }

        Assert.True(published > 0, "no build was published while the writer ran");
    }

    public void Dispose()
    {
        _project.Dispose();
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>An atomic save (write aside, rename over), so every read sees one complete version of the file.</summary>
    private void Save(string module, int value)
    {
        var staged = Path.Combine(_staging, Path.GetFileName(module));
        File.WriteAllText(staged, string.Create(CultureInfo.InvariantCulture, $"N = {value}\n"));
        File.Move(staged, _project.Full(module), overwrite: true);
    }

    private static (int A, int B) ReadPair(string wheel)
    {
        using var zip = ZipFile.OpenRead(wheel);
        return (Read(zip, ModuleA), Read(zip, ModuleB));
    }

    private static int Read(ZipArchive zip, string module)
    {
        using var reader = new StreamReader(zip.GetEntry(module)!.Open());
        return int.Parse(reader.ReadToEnd().Trim()["N = ".Length..], CultureInfo.InvariantCulture);
    }
}
