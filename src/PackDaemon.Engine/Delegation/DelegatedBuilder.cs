using System.Diagnostics;
using System.Globalization;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Delegation;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Delegation;

/// <summary>
/// Builds one project with its own PEP 517 backend through a warm <see cref="BackendWorker"/>: each hook writes into a
/// fresh private folder, and only when every requested artifact was produced are they moved into the output folder
/// (temp file in that folder, then rename), so a failed build leaves the last good artifacts untouched.
/// Not thread-safe: its owner builds one project at a time. Disposing stops the worker and removes the private folder.
/// </summary>
public sealed class DelegatedBuilder : IDisposable
{
    /// <summary>The default limit for one hook call; a hanging setup.py must not hold a workspace forever.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(300);

    /// <summary>Seconds; overrides <c>[tool.packd] delegate-timeout</c> (tests make it short).</summary>
    public const string TimeoutVariable = "PACKD_DELEGATE_TIMEOUT";

    private readonly string _root;
    private readonly Func<string, string?> _findOnPath;
    private readonly WarmWorkerSlot _worker;
    private int _builds;
    private bool _disposed;

    public DelegatedBuilder(string projectRoot)
        : this(projectRoot, PythonInterpreterChooser.FindOnPath)
    {
    }

    internal DelegatedBuilder(string projectRoot, Func<string, string?> findOnPath)
    {
        ArgumentNullException.ThrowIfNull(projectRoot);
        _root = Path.GetFullPath(projectRoot);
        _findOnPath = findOnPath;
        _worker = new WarmWorkerSlot(_root);
    }

    /// <summary>Reads <see cref="TimeoutVariable"/>; null when unset or not a positive number.</summary>
    public static TimeSpan? TimeoutFromEnvironment()
        => double.TryParse(Environment.GetEnvironmentVariable(TimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
           && seconds > 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;

    public BuildResult Build(BuildRequest request, BuildModeDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = BuildOnce(request, decision, cancellationToken);
        return result with { Mode = decision.Mode, ModeReason = result.ModeReason ?? decision.Reason };
    }

    private BuildResult BuildOnce(BuildRequest request, BuildModeDecision decision, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var interpreter = PythonInterpreterChooser.Choose(request.PythonOption, request.PythonVariable, _root, _findOnPath);
        if (interpreter is null)
        {
            return Failed(total, new Diagnostic(DiagnosticCodes.DelegateNoInterpreter, DiagnosticSeverity.Error,
                $"This project is built by its own backend `{decision.Backend}` ({decision.Reason}), but no Python was found: "
                + "no --python, no PACKD_PYTHON, no .venv/bin/python in the project and no python3 on PATH.",
                null, 0, 0, "Install Python 3 with the backend, or name an interpreter with --python or PACKD_PYTHON."));
        }

        var timeout = request.DelegateTimeout ?? TimeoutFromEnvironment() ?? decision.Timeout ?? DefaultTimeout;
        // A worker started under another SOURCE_DATE_EPOCH would stamp the artifacts with it: the slot restarts it.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["SOURCE_DATE_EPOCH"] = request.SourceDateEpoch };
        var worker = _worker.Ensure(interpreter, environment, timeout, out var startFailure);
        if (worker is null)
        {
            return Failed(total, DelegateDiagnostics.From(startFailure!, decision.Backend, interpreter, _root));
        }

        var reason = $"{decision.Reason}; run by {interpreter.Path} (Python {worker.PythonVersion}, from {interpreter.Source})";
        var produced = new List<(string Kind, string TempPath, long Ms)>();
        var hooks = new List<(string Kind, string Hook)>();
        if (request.Wheel)
        {
            hooks.Add(("wheel", "build_wheel"));
        }

        if (request.Sdist)
        {
            hooks.Add(("sdist", "build_sdist"));
        }

        var timings = new Dictionary<string, long>(StringComparer.Ordinal);
        var buildFolder = Path.Combine(_worker.PrivateFolder, string.Create(CultureInfo.InvariantCulture, $"build-{++_builds}"));
        try
        {
            foreach (var (kind, hook) in hooks)
            {
                var hookWatch = Stopwatch.StartNew();
                var folder = Path.Combine(buildFolder, kind);
                Directory.CreateDirectory(folder);
                var reply = worker.Call(hook, decision.Backend, decision.BackendPath, _root, folder, timeout, cancellationToken);
                if (!reply.Succeeded)
                {
                    return Failed(total, DelegateDiagnostics.From(reply, decision.Backend, interpreter, _root));
                }

                var file = Path.Combine(folder, reply.File!);
                if (reply.File!.Contains('/', StringComparison.Ordinal) || !File.Exists(file))
                {
                    return Failed(total, DelegateDiagnostics.From(
                        reply with { Kind = "bad-request", Message = $"{hook} returned `{reply.File}`, which is not a file it wrote into the output folder." },
                        decision.Backend, interpreter, _root));
                }

                produced.Add((kind, file, hookWatch.ElapsedMilliseconds));
                timings[kind] = hookWatch.ElapsedMilliseconds;
            }

            // The guard judges what the backend made before any of it is published, exactly as a native build does.
            var guard = new SecretsGuard(decision.SecretsAllow);
            var diagnostics = new DiagnosticBag();
            foreach (var (kind, file, _) in produced)
            {
                DelegatedSecretScan.Scan(file, kind, _root, guard, diagnostics);
            }

            var found = diagnostics.Sorted();
            if (found.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return new BuildResult(false, [], found, [], new PhaseTimings(0, 0, 0, 0, 0, total.ElapsedMilliseconds)) { ModeReason = reason };
            }

            var artifacts = Publish(request, produced, decision.Mode, reason);
            return new BuildResult(true, artifacts, found, [], new PhaseTimings(0, 0, 0,
                timings.GetValueOrDefault("wheel"), timings.GetValueOrDefault("sdist"), total.ElapsedMilliseconds)) { ModeReason = reason };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Failed(total, new Diagnostic(DiagnosticCodes.ArtifactWriteFailed, DiagnosticSeverity.Error,
                $"The artifacts built by `{decision.Backend}` could not be read or moved into `{request.OutputDirectory}`: {ex.Message}",
                null, 0, 0, "Check that the output folder is writable and has space; the previous artifacts were kept."));
        }
        finally
        {
            TryDeleteFolder(buildFolder);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _worker.Dispose();
    }

    private static List<ArtifactInfo> Publish(BuildRequest request, List<(string Kind, string TempPath, long Ms)> produced, string mode, string reason)
    {
        var artifacts = new List<ArtifactInfo>();
        var prepared = new List<PreparedFile>();
        try
        {
            foreach (var (kind, tempPath, ms) in produced)
            {
                var publishWatch = Stopwatch.StartNew();
                var (size, entries, sha256) = ArtifactInspector.Inspect(tempPath, kind);
                var target = Path.Combine(request.OutputDirectory, Path.GetFileName(tempPath));
                var rewrite = request.WriteArtifacts && !ArtifactInspector.Holds(target, size, sha256);
                if (rewrite)
                {
                    // Copied, not moved: the private folder may be on another filesystem than the output folder, and
                    // the rename that publishes must stay inside the output folder to be atomic.
                    prepared.Add(AtomicFile.Prepare(target, destination =>
                    {
                        using var source = File.OpenRead(tempPath);
                        source.CopyTo(destination);
                    }, ArtifactDurability.Requested));
                }

                artifacts.Add(new ArtifactInfo(kind, target, size, entries, sha256, ms + publishWatch.ElapsedMilliseconds)
                {
                    Rewritten = rewrite,
                    Mode = mode,
                    Reason = reason,
                });
            }

            // Renamed only once every artifact is complete, like a native build.
            foreach (var file in prepared)
            {
                file.Commit();
            }

            return artifacts;
        }
        finally
        {
            foreach (var file in prepared)
            {
                file.Dispose();
            }
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the private folder goes with the builder anyway.
        }
    }

    private static BuildResult Failed(Stopwatch total, Diagnostic diagnostic)
        => new(false, [], [diagnostic], [], new PhaseTimings(0, 0, 0, 0, 0, total.ElapsedMilliseconds));
}
