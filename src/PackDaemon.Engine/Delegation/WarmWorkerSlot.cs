namespace PackDaemon.Engine.Delegation;

/// <summary>
/// One warm <see cref="BackendWorker"/> and the private folder holding its script, as delegated builds and hybrid
/// evaluations both keep them: the worker is reused while it lives and was started with the same interpreter and
/// environment, and started afresh otherwise (a timeout killed it, the project's interpreter changed). Not thread-safe:
/// its owner builds one project at a time.
/// </summary>
internal sealed class WarmWorkerSlot(string projectRoot) : IDisposable
{
    // Starting Python is not the backend's work: a short build timeout must not fail a start on a loaded machine.
    private static readonly TimeSpan s_minimumStartTimeout = TimeSpan.FromSeconds(30);

    private DirectoryInfo? _privateFolder;
    private string? _scriptPath;
    private BackendWorker? _worker;
    private Dictionary<string, string?>? _environment;

    /// <summary>The owner-only temp folder the worker script lives in; builds may put their output below it.</summary>
    public string PrivateFolder
    {
        get
        {
            if (_privateFolder is null || !_privateFolder.Exists)
            {
                _privateFolder = PrivateFolders.Create();
                _scriptPath = WorkerScript.WriteInto(_privateFolder.FullName);
            }

            return _privateFolder.FullName;
        }
    }

    /// <summary>The live worker for this interpreter and environment, started when there is none; null with
    /// <paramref name="failure"/> when Python could not start it.</summary>
    public BackendWorker? Ensure(PythonInterpreter interpreter, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, out WorkerReply? failure)
    {
        failure = null;
        if (_worker is { IsAlive: true } alive && alive.Interpreter.Path == interpreter.Path && SameEnvironment(environment))
        {
            return alive;
        }

        _worker?.Dispose();
        _worker = null;
        _ = PrivateFolder;
        var startTimeout = timeout > s_minimumStartTimeout ? timeout : s_minimumStartTimeout;
        _environment = new Dictionary<string, string?>(environment, StringComparer.Ordinal);
        _worker = BackendWorker.Start(interpreter, _scriptPath!, projectRoot, _environment, startTimeout, out failure);
        return _worker;
    }

    public void Dispose()
    {
        _worker?.Dispose();
        _worker = null;
        try
        {
            _privateFolder?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }

    private bool SameEnvironment(IReadOnlyDictionary<string, string?> environment)
        => _environment is not null
            && _environment.Count == environment.Count
            && environment.All(pair => _environment.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
