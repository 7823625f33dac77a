using PackDaemon.Engine.Watching;

namespace PackDaemon.Packaging.Tests.Engine.Watching;

/// <summary>Records what a watcher reports; tests await a condition on the record instead of sleeping.</summary>
internal sealed class RecordingSink : ITreeWatcherSink
{
    private readonly Lock _lock = new();
    private readonly List<string> _paths = [];
    private readonly List<string> _rescans = [];
    private readonly List<string> _limits = [];
    private readonly List<(Func<RecordingSink, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_lock)
            {
                return [.. _paths];
            }
        }
    }

    public IReadOnlyList<string> Rescans
    {
        get
        {
            lock (_lock)
            {
                return [.. _rescans];
            }
        }
    }

    public IReadOnlyList<string> Limits
    {
        get
        {
            lock (_lock)
            {
                return [.. _limits];
            }
        }
    }

    public void OnPath(string relativePath) => Record(_paths, relativePath);

    public void OnRescanNeeded(string reason) => Record(_rescans, reason);

    public void OnWatchLimitReached(string reason) => Record(_limits, reason);

    public Task WaitForAsync(Func<RecordingSink, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((condition, done));
        }

        Check();
        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public Task WaitForPathsAsync(params string[] paths) => WaitForAsync(s => paths.All(s.Paths.Contains));

    private void Record(List<string> list, string value)
    {
        lock (_lock)
        {
            list.Add(value);
        }

        Check();
    }

    private void Check()
    {
        List<(Func<RecordingSink, bool> Condition, TaskCompletionSource Done)> waiters;
        lock (_lock)
        {
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters.Where(w => w.Condition(this)))
        {
            lock (_lock)
            {
                _waiters.Remove(waiter);
            }

            waiter.Done.TrySetResult();
        }
    }
}
