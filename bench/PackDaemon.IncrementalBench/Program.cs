using System.Diagnostics;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;

// Measures what the daemon pays per save on a copy of a tree: a cold build, one-file content edits, touches, and a
// warm start from the persisted cache. Usage: PackDaemon.IncrementalBench TREE_COPY [EDITS] [--daemon-only]. The tree is modified.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: PackDaemon.IncrementalBench TREE_COPY [EDITS]");
    return 2;
}

string root = Path.GetFullPath(args[0]);
int edits = args.Length > 1 && !args[1].StartsWith('-') ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
string output = Path.Combine(root, "dist");
var request = new BuildRequest(root, output, Wheel: true, Sdist: true, WriteArtifacts: true, SourceDateEpoch: null);
var random = new Random(12345);

var sw = Stopwatch.StartNew();
if (!args.Contains("--daemon-only"))
{
    // Skipped with --daemon-only, so the memory figures below are the daemon's alone.
    var clean = ProjectBuilder.Build(request);
    Console.WriteLine($"one-shot ProjectBuilder.Build (JIT cold): {sw.ElapsedMilliseconds} ms, ok={clean.Succeeded}");
}

using (var builder = new IncrementalBuilder(root))
{
    sw.Restart();
    var first = builder.Build(request, ChangeHints.All, CancellationToken.None);
    Console.WriteLine($"daemon first build: {sw.ElapsedMilliseconds} ms, upToDate={first.UpToDate}, changedFiles={first.ChangedFiles}");
    builder.Flush();

    var pyFiles = Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories)
        .Where(p => !p.Contains("/dist/", StringComparison.Ordinal) && !p.Contains("/.packd_cache/", StringComparison.Ordinal))
        .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
        .ToArray();

    var editTimes = new List<double>();
    string lastTimings = "";
    var touchTimes = new List<double>();
    for (int i = 0; i < edits; i++)
    {
        string path = pyFiles[random.Next(pyFiles.Length)];
        File.AppendAllText(Path.Combine(root, path), $"# edit {i}\n");
        builder.Flush(); // the previous save's cache write is not part of this save's latency
        sw.Restart();
        var edited = builder.Build(request, ChangeHints.For([path]), CancellationToken.None);
        editTimes.Add(sw.Elapsed.TotalMilliseconds);
        lastTimings = $"reconcile {edited.ReconcileMs} ms, {edited.Result.Timings}";
        if (!edited.Result.Succeeded || edited.ChangedEntries.Count != 3)
        {
            Console.WriteLine($"unexpected: ok={edited.Result.Succeeded} changed={string.Join(", ", edited.ChangedEntries)}");
        }

        File.SetLastWriteTimeUtc(Path.Combine(root, path), DateTime.UtcNow);
        builder.Flush();
        sw.Restart();
        var touched = builder.Build(request, ChangeHints.For([path]), CancellationToken.None);
        touchTimes.Add(sw.Elapsed.TotalMilliseconds);
        if (!touched.UpToDate)
        {
            Console.WriteLine("unexpected: a touch rewrote the artifacts");
        }
    }

    builder.Flush();
    Console.WriteLine($"last edit phases: {lastTimings}");
    Report("one-file edit (wheel + sdist), first 5 are JIT warm-up", editTimes.Skip(5).ToList());
    Report("touch", touchTimes.Skip(5).ToList());
    GC.Collect();
    Console.WriteLine($"managed heap after edits: {GC.GetTotalMemory(true) / 1048576.0:F1} MB, working set {Environment.WorkingSet / 1048576.0:F1} MB, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F1} MB");
}

using (var restarted = new IncrementalBuilder(root))
{
    sw.Restart();
    var warm = restarted.Build(request, ChangeHints.All, CancellationToken.None);
    Console.WriteLine($"restart: cache {restarted.CacheLoadOutcome}; first build {sw.ElapsedMilliseconds} ms (load + walk + stat all), upToDate={warm.UpToDate}, changedFiles={warm.ChangedFiles}");

    // The first save after a restart: caches kept in memory only (the sdist's member groups, RECORD rows) are rebuilt here.
    string edited = Path.GetRelativePath(root, Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).First()).Replace('\\', '/');
    File.AppendAllText(Path.Combine(root, edited), "# edit after restart\n");
    sw.Restart();
    var afterRestart = restarted.Build(request, ChangeHints.For([edited]), CancellationToken.None);
    Console.WriteLine($"first edit after restart: {sw.ElapsedMilliseconds} ms, ok={afterRestart.Result.Succeeded}, {afterRestart.Result.Timings}");
}

return 0;

static void Report(string what, List<double> times)
{
    times.Sort();
    double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
    Console.WriteLine($"{what}: n={times.Count} p50={P(0.5):F1} ms p95={P(0.95):F1} ms max={times[^1]:F1} ms");
}
