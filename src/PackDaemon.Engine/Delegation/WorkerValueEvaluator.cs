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

    private static readonly Dictionary<string, string?> s_noEnvironment = new(StringComparer.Ordinal);

    private readonly string _root;
    private readonly Func<string, string?> _findOnPath;
    private readonly EvaluationCache _cache = new();
    private readonly WarmWorkerSlot _worker;
    private bool _disposed;

    public WorkerValueEvaluator(string projectRoot)
        : this(projectRoot, PythonInterpreterChooser.FindOnPath)
    {
    }

    internal WorkerValueEvaluator(string projectRoot, Func<string, string?> findOnPath)
    {
        _root = Path.GetFullPath(projectRoot);
        _findOnPath = findOnPath;
        _worker = new WarmWorkerSlot(_root);
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
        _worker.Dispose();
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
        var worker = _worker.Ensure(interpreter, s_noEnvironment, timeout, out var startFailure);
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
