using Microsoft.Extensions.Time.Testing;
using PackDaemon.Daemon.Lifetime;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class IdleClockTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Observe_IdleForTheWholeTimeout_Expires()
    {
        var clock = new IdleClock(_time, s_timeout);
        Assert.False(clock.Observe(busy: false));

        _time.Advance(s_timeout);

        Assert.True(clock.Observe(busy: false));
    }

    [Fact]
    public void Observe_BusyInBetween_RestartsTheCount()
    {
        var clock = new IdleClock(_time, s_timeout);
        clock.Observe(busy: false);
        _time.Advance(s_timeout - TimeSpan.FromSeconds(1));
        clock.Observe(busy: true);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(clock.Observe(busy: false));
        _time.Advance(s_timeout);
        Assert.True(clock.Observe(busy: false));
    }

    [Fact]
    public void Observe_Busy_NeverExpires()
    {
        var clock = new IdleClock(_time, s_timeout);
        clock.Observe(busy: true);

        _time.Advance(s_timeout * 10);

        Assert.False(clock.Observe(busy: true));
    }
}
