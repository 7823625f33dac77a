namespace PackDaemon.Engine.Delegation;

/// <summary>The last lines a worker wrote to stderr since the current call began, bounded so a chatty backend
/// cannot grow the daemon's memory; the backend's traceback is usually at the end, which is what is kept.</summary>
internal sealed class OutputTail
{
    private const int MaxLines = 60;
    private const int MaxLineLength = 2000;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private long _callsEnded;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The worker writes this line to stderr after each call; it is not shown to users.</summary>
    public const string EndMarkerPrefix = "packd-worker: end of request ";

    public void Clear()
    {
        lock (_gate)
        {
            _lines.Clear();
        }
    }

    public void Add(string line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (line.StartsWith(EndMarkerPrefix, StringComparison.Ordinal))
            {
                _callsEnded = _callsEnded == long.MaxValue ? long.MaxValue : _callsEnded + 1;
            }
            else
            {
                _lines.Enqueue(line.Length > MaxLineLength ? line[..MaxLineLength] + "…" : line);
                while (_lines.Count > MaxLines)
                {
                    _lines.Dequeue();
                }
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Signals that stderr ended (the worker died): nothing more will come.</summary>
    public void Close()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _callsEnded = long.MaxValue;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    /// <summary>Waits until stderr has been read past the end marker of call number <paramref name="calls"/> (its
    /// output is then complete), at most <paramref name="limit"/>, and returns the tail.</summary>
    public string WaitForEndOfCall(long calls, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_callsEnded >= calls)
                {
                    return string.Join('\n', _lines);
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !changed.Wait(left))
            {
                lock (_gate)
                {
                    return string.Join('\n', _lines);
                }
            }
        }
    }
}
