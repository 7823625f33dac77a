using System.Security.Cryptography;
using PackDaemon.Engine.Incremental;

namespace PackDaemon.Packaging.Tests.Engine.Incremental;

/// <summary>
/// Artifacts large enough to hold several hash checkpoints (incompressible files of 40 KB): after edits anywhere, the
/// digest the build reports, resumed part-way, is the digest of the file on disk, and the bytes equal a clean build's.
/// </summary>
public sealed class CheckpointedDigestTests : IDisposable
{
    private readonly ProjectCopy _project = new();

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void EditsAnywhere_ReportedDigest_IsTheFilesDigest(int seed)
    {
        var random = new Random(seed);
        var blobs = Enumerable.Range(0, 40).Select(i => $"flask_app/static/blob{i:D2}.dat").ToList();
        foreach (var blob in blobs)
        {
            File.WriteAllBytes(_project.Full(blob), RandomBytes(random));
        }

        using var builder = new IncrementalBuilder(_project.Root, persistCache: false);
        _project.AssertSameAsClean(builder.Build(_project.Request, ChangeHints.All, TestContext.Current.CancellationToken), $"seed {seed}: first build");
        for (int step = 0; step < 12; step++)
        {
            string blob = blobs[random.Next(blobs.Count)];
            File.WriteAllBytes(_project.Full(blob), RandomBytes(random));
            var result = builder.Build(_project.Request, ChangeHints.For([blob]), TestContext.Current.CancellationToken);
            Assert.True(result.Result.Succeeded, string.Join("; ", result.Result.Diagnostics));
            _project.AssertSameAsClean(result, $"seed {seed}, step {step}: edit {blob}");
        }
    }

    public void Dispose() => _project.Dispose();

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[40 * 1024];
        random.NextBytes(bytes);
        return bytes;
    }
}
