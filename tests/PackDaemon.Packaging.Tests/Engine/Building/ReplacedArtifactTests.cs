using System.Diagnostics;
using PackDaemon.Engine.Building;

namespace PackDaemon.Packaging.Tests.Engine.Building;

public sealed class ReplacedArtifactTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-replaced-").FullName;

    [Fact]
    public void HeldFile_SurvivesTheRenameOverIt_UntilReleased()
    {
        string target = Path.Combine(_folder, "app-1.0-py3-none-any.whl");
        File.WriteAllText(target, "old");
        File.WriteAllText(target + ".tmp", "new");

        var held = ReplacedArtifact.HoldOpen(target);
        Assert.NotNull(held);
        File.Move(target + ".tmp", target, overwrite: true);

        // The descriptor still reads the replaced file: its release is what frees it.
        var buffer = new byte[3];
        Assert.Equal(3, RandomAccess.Read(held, buffer, 0));
        Assert.Equal("old"u8.ToArray(), buffer);
        Assert.Equal("new", File.ReadAllText(target));
        ReplacedArtifact.ReleaseInBackground(held);
        Assert.True(SpinWait.SpinUntil(() => held.IsClosed, TimeSpan.FromSeconds(10)), "the held descriptor was never closed");
    }

    [Fact]
    public void MissingTarget_HoldsNothing() => Assert.Null(ReplacedArtifact.HoldOpen(Path.Combine(_folder, "absent.whl")));

    [Fact]
    public async Task FifoAtTheTarget_DoesNotBlock()
    {
        string fifo = Path.Combine(_folder, "app-1.0.tar.gz");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // A blocking open of a FIFO with no writer would hang here forever; the timeout turns that into a failure.
        var holding = Task.Run(() => ReplacedArtifact.HoldOpen(fifo), TestContext.Current.CancellationToken);
        using var held = await holding.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.NotNull(held);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
