using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>
/// Invariant 1 for the sdist's member groups (<see cref="SdistGrouping"/>): edits that move files across the
/// lone-member size and push groups past the cap, and files appearing and disappearing between path boundaries, still
/// give an incremental sdist byte-identical to a clean build's.
/// </summary>
public sealed class IncrementalGroupingEquivalenceTests : IDisposable
{
    private const int Steps = 30;
    private const int ManyFiles = 120;
    private readonly ProjectCopy _project = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ResizingEdits_EveryBuild_EqualsACleanBuild(int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(_project.Full("flask_app/many"));
        for (int i = 0; i < ManyFiles; i++)
        {
            File.WriteAllText(_project.Full(ManyPath(i)), Text(random, random.Next(50, 3000)));
        }

        var log = new List<string> { $"seed {seed}" };
        using var builder = new IncrementalBuilder(_project.Root);
        _project.AssertSameAsClean(builder.Build(_project.Request, ChangeHints.All, TestContext.Current.CancellationToken), "first build");
        for (int step = 0; step < Steps; step++)
        {
            int index = random.Next(ManyFiles);
            string path = ManyPath(index);
            ChangeHints hints;
            switch (random.Next(6))
            {
                case 0:
                    // Past the lone-member size: the file leaves its group and stands alone.
                    File.WriteAllText(_project.Full(path), Text(random, (int)SdistGrouping.LoneMemberBytes + random.Next(1, 40_000)));
                    log.Add($"{step}: {path} grows past the lone-member size");
                    hints = ChangeHints.For([path]);
                    break;
                case 1:
                    // Just under it: the file stays grouped, and a few like it push their group past the cap.
                    File.WriteAllText(_project.Full(path), Text(random, (int)SdistGrouping.LoneMemberBytes - 1024 - random.Next(0, 8_000)));
                    log.Add($"{step}: {path} grows to just under the lone-member size");
                    hints = ChangeHints.For([path]);
                    break;
                case 2:
                    File.WriteAllText(_project.Full(path), Text(random, random.Next(1, 600)));
                    log.Add($"{step}: {path} shrinks");
                    hints = ChangeHints.For([path]);
                    break;
                case 3 when File.Exists(_project.Full(path)):
                    File.Delete(_project.Full(path));
                    log.Add($"{step}: delete {path}");
                    hints = ChangeHints.For([path]);
                    break;
                case 4:
                    string created = $"flask_app/many/n{step:D3}_{random.Next(1000)}.py";
                    File.WriteAllText(_project.Full(created), Text(random, random.Next(10, 20_000)));
                    log.Add($"{step}: create {created}");
                    hints = ChangeHints.For([created, "flask_app/many"]);
                    break;
                default:
                    File.AppendAllText(_project.Full(path), $"# edit {step}\n");
                    log.Add($"{step}: append to {path}");
                    hints = ChangeHints.For([path]);
                    break;
            }

            var result = builder.Build(_project.Request, hints, TestContext.Current.CancellationToken);
            _project.AssertSameAsClean(result, string.Join("\n", log));
        }
    }

    public void Dispose() => _project.Dispose();

    private static string ManyPath(int i) => $"flask_app/many/m{i:D3}.py";

    /// <summary>Python-like text of about <paramref name="length"/> characters: compressible, but not trivially.</summary>
    private static string Text(Random random, int length)
    {
        var text = new System.Text.StringBuilder(length + 64);
        while (text.Length < length)
        {
            text.Append("def handler_").Append(random.Next(100_000)).Append("(request):\n    return render('page")
                .Append(random.Next(500)).Append(".html')\n");
        }

        return text.ToString(0, length);
    }
}
