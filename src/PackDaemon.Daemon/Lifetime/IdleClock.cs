namespace PackDaemon.Daemon.Lifetime;

/// <summary>Measures how long the daemon has had nothing to do (no connection, no workspace). Apart from the monitor
/// that polls it so the rule is testable with a fake clock.</summary>
internal sealed class IdleClock(TimeProvider time, TimeSpan timeout)
{
    private DateTimeOffset? _idleSince;

    public TimeSpan Timeout => timeout;

    /// <returns>True once the daemon has been idle for the whole timeout.</returns>
    public bool Observe(bool busy)
    {
        if (busy)
        {
            _idleSince = null;
            return false;
        }

        var now = time.GetUtcNow();
        _idleSince ??= now;
        return now - _idleSince.Value >= timeout;
    }
}
