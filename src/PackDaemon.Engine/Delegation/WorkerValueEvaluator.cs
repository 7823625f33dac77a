using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Projects.Evaluation;

namespace PackDaemon.Engine.Delegation;

/// <summary>
/// Hybrid builds: the one value a native build needs from project code (a computed <c>__version__</c>) is asked of a
/// warm <see cref="BackendWorker"/> (<c>evaluate_attr</c>) and kept in an <see cref="EvaluationCache"/> until a file
/// it depends on changes; everything else stays native. The worker starts on the first question, so a project that
/// never needs one never starts Python. Not thread-safe: its owner builds one project at a time.
/// </summary>
internal sealed class WorkerValueEvaluator : IDisposable
{
    /// <summary>An import that takes longer than this is waiting for something a version must not need.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan s_minimumStartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly Func<string, string?> _findOnPath;
    private readonly EvaluationCache _cache = new();
    private DirectoryInfo? _privateFolder;
    private string? _scriptPath;
    private BackendWorker? _worker;
    private bool _disposed;

    public WorkerValueEvaluator(string projectRoot)
        : this(projectRoot, PythonInterpreterChooser.FindOnPath)
    {
    }

    internal WorkerValueEvaluator(string projectRoot, Func<string, string?> findOnPath)
    {
        _root = Path.GetFullPath(projectRoot);
        _findOnPath = findOnPath;
    }

    /// <summary>How many values were computed by Python rather than answered from the cache.</summary>
    public int Evaluations => _cache.Computed;

    /// <summary>The evaluator one build hands the loader: the request says which interpreter and timeout.</summary>
    public Session For(BuildRequest request, CancellationToken cancellationToken) => new(this, request, cancellationToken);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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

    private ValueEvaluation Evaluate(ValueEvaluationRequest request, BuildRequest build, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var interpreter = PythonInterpreterChooser.Choose(build.PythonOption, build.PythonVariable, _root, _findOnPath);
        if (interpreter is null)
        {
            return ValueEvaluation.Failed(EvaluationDiagnostics.NoInterpreter(request));
        }

        var timeout = build.DelegateTimeout ?? DelegatedBuilder.TimeoutFromEnvironment() ?? DefaultTimeout;
        return _cache.GetOrCompute(_root, request, interpreter.Path, () => Ask(request, interpreter, timeout, cancellationToken));
    }

    private ValueEvaluation Ask(ValueEvaluationRequest request, PythonInterpreter interpreter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var worker = EnsureWorker(interpreter, timeout, out var startFailure);
        if (worker is null)
        {
            return ValueEvaluation.Failed(EvaluationDiagnostics.From(startFailure!, request, interpreter, _root));
        }

        var convention = request.Convention == ValueConvention.Flit ? "flit" : "setuptools";
        var reply = worker.Evaluate(_root, Path.Combine(_root, request.SourceRoot), request.ModuleName, Path.Combine(_root, request.ModuleFile),
            request.Attribute, convention, timeout, cancellationToken);
        return reply.Kind is null && reply.Value is not null
            ? new ValueEvaluation(reply.Value, interpreter.Path, FromCache: false, null)
            : ValueEvaluation.Failed(EvaluationDiagnostics.From(reply.Kind is null ? reply with { Kind = "bad-request", Message = "the worker gave no value" } : reply,
                request, interpreter, _root));
    }

    private BackendWorker? EnsureWorker(PythonInterpreter interpreter, TimeSpan timeout, out WorkerReply? failure)
    {
        failure = null;
        if (_worker is { IsAlive: true } alive && alive.Interpreter.Path == interpreter.Path)
        {
            return alive;
        }

        // Dead (a timeout, a module that exited the interpreter), or another interpreter: start afresh.
        _worker?.Dispose();
        _worker = null;
        if (_privateFolder is null || !_privateFolder.Exists)
        {
            _privateFolder = PrivateFolders.Create();
            _scriptPath = WorkerScript.WriteInto(_privateFolder.FullName);
        }

        var startTimeout = timeout > s_minimumStartTimeout ? timeout : s_minimumStartTimeout;
        _worker = BackendWorker.Start(interpreter, _scriptPath!, _root, new Dictionary<string, string?>(StringComparer.Ordinal), startTimeout, out failure);
        return _worker;
    }

    /// <summary>One build's view of the evaluator: its interpreter choice, timeout and cancellation.</summary>
    public sealed class Session(WorkerValueEvaluator owner, BuildRequest build, CancellationToken cancellationToken) : IValueEvaluator
    {
        public ValueEvaluation Evaluate(ValueEvaluationRequest request)
        {
            ArgumentNullException.ThrowIfNull(request);
            return owner.Evaluate(request, build, cancellationToken);
        }
    }
}
