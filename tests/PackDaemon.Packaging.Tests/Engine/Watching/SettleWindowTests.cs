using Microsoft.Extensions.Time.Testing;
using PackDaemon.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Watching;

public sealed class SettleWindowTests : IDisposable
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan s_cap = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_gitWaitCap = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_gitRecheck = TimeSpan.FromMilliseconds(250);

    private readonly FakeTimeProvider _time = new();
    private readonly List<HintSet> _batches = [];
    private readonly SettleWindow _window;
    private bool _gitBusy;

    public SettleWindowTests()
    {
        _window = new SettleWindow(_time, s_quiet, s_cap, s_gitWaitCap, s_gitRecheck, () => _gitBusy, _batches.Add);
    }

    [Fact]
    public void Batch_FiresAfterTheQuietTime_NotBefore()
    {
        _window.Add("pkg/a.py");

        _time.Advance(TimeSpan.FromMilliseconds(29));
        Assert.Empty(_batches);
        Assert.True(_window.IsSettling);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        var batch = Assert.Single(_batches);
        Assert.True(batch.Contains("pkg/a.py"));
        Assert.False(_window.IsSettling);
    }

    [Fact]
    public void Batch_EachHintRestartsTheQuietTime_AndTheBatchHoldsThemAll()
    {
        _window.Add("a.py");
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _window.Add("b.py");
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Empty(_batches);

        _time.Advance(TimeSpan.FromMilliseconds(10));
        var batch = Assert.Single(_batches);
        Assert.Equal(["a.py", "b.py"], batch.ToChangeHints().RelativePaths);
    }

    [Fact]
    public void Batch_HintsThatNeverStop_FireAtTheCapAfterTheFirstHint()
    {
        for (var elapsed = 0; elapsed < 500; elapsed += 20)
        {
            _window.Add($"f{elapsed}.py");
            _time.Advance(TimeSpan.FromMilliseconds(20));
            if (elapsed + 20 < 500)
            {
                Assert.Empty(_batches);
            }
        }

        var batch = Assert.Single(_batches);
        Assert.Equal(25, batch.Count);

        // The next batch starts its own cap from its own first hint.
        _window.Add("late.py");
        _time.Advance(s_quiet);
        Assert.Equal(2, _batches.Count);
    }

    [Fact]
    public void Everything_IsCarriedInTheBatch()
    {
        _window.AddEverything();
        _time.Advance(s_quiet);

        Assert.True(Assert.Single(_batches).Everything);
    }

    [Fact]
    public void GitBusy_HoldsTheBatch_UntilTheLockGoesAndThingsAreQuiet()
    {
        _gitBusy = true;
        _window.Add("a.py");
        _time.Advance(s_quiet);
        Assert.Empty(_batches);
        Assert.True(_window.IsWaitingForGit);

        // A checkout writes thousands of files while holding the lock: they join the held batch.
        for (var i = 0; i < 100; i++)
        {
            _window.Add($"checkout/{i}.py");
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Empty(_batches);

        _gitBusy = false;
        _window.PokeGit();
        _time.Advance(TimeSpan.FromMilliseconds(29));
        Assert.Empty(_batches);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var batch = Assert.Single(_batches);
        Assert.Equal(101, batch.Count);
        Assert.False(_window.IsWaitingForGit);
    }

    [Fact]
    public void GitBusy_LockOutsideTheWatchedTree_IsNoticedByThePeriodicRecheck()
    {
        _gitBusy = true;
        _window.Add("a.py");
        _time.Advance(s_quiet);
        Assert.True(_window.IsWaitingForGit);

        _gitBusy = false;
        _time.Advance(s_gitRecheck);

        Assert.Single(_batches);
    }

    [Fact]
    public void GitBusy_ForLongerThanTheCap_BuildsAnyway()
    {
        _gitBusy = true;
        _window.Add("a.py");
        _time.Advance(s_quiet);

        _time.Advance(s_gitWaitCap - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_batches);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Single(_batches);
        Assert.Equal(1, _window.GitWaitsCapped);
        Assert.False(_window.IsWaitingForGit);
    }

    [Fact]
    public void GitBusy_WithNothingPending_DefersNothing()
    {
        _gitBusy = true;
        _window.PokeGit();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_window.IsWaitingForGit);
        Assert.Empty(_batches);
    }

    [Fact]
    public void Flush_HandsOverAtOnce_AndTheTimerDoesNotFireAgain()
    {
        _window.Add("a.py");

        var flushed = _window.Flush();
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(flushed.Contains("a.py"));
        Assert.Empty(_batches);
        Assert.Equal(0, _window.PendingCount);
    }

    public void Dispose() => _window.Dispose();
}
