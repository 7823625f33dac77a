namespace PackDaemon.Daemon.Hosting;

/// <summary>How <c>packd-daemon</c> was asked to run.</summary>
/// <param name="Detach">Leave the terminal's session and log to the runtime folder's daemon.log.</param>
/// <param name="IdleTimeout">Exit after this long with no connection and no workspace.</param>
/// <param name="KeepAlive">How long an unheld workspace stays watched before it is closed.</param>
public sealed record DaemonOptions(bool Detach, TimeSpan IdleTimeout, TimeSpan KeepAlive)
{
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(600);

    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(1800);

    public static DaemonOptions Default { get; } = new(false, DefaultIdleTimeout, DefaultKeepAlive);
}
