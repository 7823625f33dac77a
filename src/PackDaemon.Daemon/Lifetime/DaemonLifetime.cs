using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Logging;

namespace PackDaemon.Daemon.Lifetime;

/// <summary>
/// Why and when the daemon stops, and the work it must let finish first. The first reason given wins: a shutdown
/// request that races the idle timer is reported as the request. In-flight builds are counted so that
/// <c>shutdown</c> answers only once they are done.
/// </summary>
internal sealed class DaemonLifetime(IHostApplicationLifetime host, ILogger<DaemonLifetime> logger)
{
    /// <summary>Reported when the host stopped without any of the daemon's own reasons: SIGTERM or Ctrl+C.</summary>
    public const string SignalReason = "signal (SIGTERM or Ctrl+C)";

    private readonly Lock _gate = new();
    private string? _reason;
    private int _inFlight;
    private TaskCompletionSource? _drained;

    public bool IsShuttingDown { get; private set; }

    public string StopReason
    {
        get
        {
            lock (_gate)
            {
                return _reason ?? SignalReason;
            }
        }
    }

    /// <summary>Cancelled when the host stops; builds that outlive a graceful shutdown see it.</summary>
    public CancellationToken Stopping => host.ApplicationStopping;

    /// <summary>Stops taking new work and then stops the host.</summary>
    public void RequestStop(string reason)
    {
        lock (_gate)
        {
            if (_reason is not null)
            {
                return;
            }

            _reason = reason;
            IsShuttingDown = true;
        }

        DaemonLog.Stopping(logger, reason);
        host.StopApplication();
    }

    /// <summary>Marks new work as refused without stopping yet, so <c>shutdown</c> can drain before it answers.</summary>
    public void BeginShutdown(string reason)
    {
        lock (_gate)
        {
            _reason ??= reason;
            IsShuttingDown = true;
        }
    }

    /// <returns>A token to dispose when the work ends, or null when the daemon is shutting down and takes none.</returns>
    public IDisposable? TryBeginWork()
    {
        lock (_gate)
        {
            if (IsShuttingDown)
            {
                return null;
            }

            _inFlight++;
            return new WorkToken(this);
        }
    }

    /// <summary>How long <c>shutdown</c> lets in-flight builds finish. Past it the host stops anyway, which cancels the
    /// builds (a delegated backend's worker is killed): a hung backend once kept the daemon "shutting down", refusing all
    /// work, until kill -9.</summary>
    public static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(10);

    /// <summary>Completes when the in-flight work is done or <paramref name="grace"/> has passed, whichever is first.</summary>
    public async Task WhenDrainedAsync(TimeSpan grace)
    {
        try
        {
            await WhenDrainedAsync().WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            DaemonLog.DrainTimedOut(logger, grace.TotalSeconds);
        }
    }

    public Task WhenDrainedAsync()
    {
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }

    /// <summary>Stops the host with the reason already recorded by <see cref="BeginShutdown"/>.</summary>
    public void StopNow()
    {
        DaemonLog.Stopping(logger, StopReason);
        host.StopApplication();
    }

    private void EndWork()
    {
        lock (_gate)
        {
            _inFlight--;
            if (_inFlight == 0 && _drained is not null)
            {
                _drained.TrySetResult();
                _drained = null;
            }
        }
    }

    private sealed class WorkToken(DaemonLifetime owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.EndWork();
            }
        }
    }
}
