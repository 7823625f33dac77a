using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PackDaemon.Engine.Delegation;

/// <summary>
/// One running worker process: the project's interpreter running <see cref="WorkerScript"/> in the project folder,
/// one JSON line per request on stdin, one per reply on stdout, the backend's own output on stderr. Calls are one at
/// a time (its owner builds one project at a time). A call that outlives its timeout or is cancelled kills the worker
/// and its children; the owner starts a fresh one for the next build.
/// </summary>
internal sealed class BackendWorker : IDisposable
{
    /// <summary>How long stderr may trail the reply before the tail is taken as it is.</summary>
    private static readonly TimeSpan s_outputGrace = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly OutputTail _tail = new();
    private long _calls;
    private long _nextId;
    private bool _disposed;

    private BackendWorker(Process process, PythonInterpreter interpreter)
    {
        _process = process;
        Interpreter = interpreter;
    }

    public PythonInterpreter Interpreter { get; }

    /// <summary>The Python version the worker reported (<c>3.11.2</c>).</summary>
    public string PythonVersion { get; private set; } = "";

    /// <summary>False once the process has exited or was killed: the owner must start another.</summary>
    public bool IsAlive => !_disposed && !HasExited();

    /// <summary>Starts the worker and waits for its ready line.</summary>
    /// <returns>The worker, or null with <paramref name="failure"/> saying why (interpreter missing, not Python, too old).</returns>
    public static BackendWorker? Start(PythonInterpreter interpreter, string scriptPath, string projectRoot,
        IReadOnlyDictionary<string, string?> environment, TimeSpan startTimeout, out WorkerReply? failure)
    {
        var info = new ProcessStartInfo(interpreter.Path)
        {
            WorkingDirectory = projectRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-B"); // no __pycache__ written into the project by the build
        info.ArgumentList.Add(scriptPath);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var worker = new BackendWorker(process, interpreter);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                worker._tail.Close();
            }
            else
            {
                worker._tail.Add(e.Data);
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            failure = new WorkerReply("no-interpreter", null, $"`{interpreter.Path}` could not be started: {ex.Message}", null, null, "");
            return null;
        }

        process.BeginErrorReadLine();
        var ready = worker.ReadLine(startTimeout, CancellationToken.None);
        if (ready.Line is null || !TryParse(ready.Line, out var hello) || !hello.RootElement.TryGetProperty("ready", out _))
        {
            worker.Kill();
            var output = worker._tail.WaitForEndOfCall(1, s_outputGrace);
            failure = new WorkerReply(ready.TimedOut ? "timeout" : "no-interpreter", null,
                ready.TimedOut
                    ? $"`{interpreter.Path}` did not start the worker within {startTimeout.TotalSeconds:0.#} s."
                    : $"`{interpreter.Path}` did not run packd's worker script (is it Python 3.8 or later?).",
                null, null, output);
            worker.Dispose();
            return null;
        }

        using (hello)
        {
            worker.PythonVersion = hello.RootElement.TryGetProperty("python", out var version) ? version.GetString() ?? "" : "";
        }

        failure = null;
        return worker;
    }

    /// <summary>Runs one PEP 517 hook. Never throws for a backend problem: every failure is a reply.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the worker was killed.</exception>
    public WorkerReply Call(string hook, string backend, IReadOnlyList<string> backendPath, string projectRoot, string outputFolder,
        TimeSpan timeout, CancellationToken cancellationToken)
        => Exchange(Request(json =>
        {
            json.WriteString("hook", hook);
            json.WriteString("backend", backend);
            json.WriteStartArray("backend_path");
            foreach (var entry in backendPath)
            {
                json.WriteStringValue(entry);
            }

            json.WriteEndArray();
            json.WriteString("project", projectRoot);
            json.WriteString("out", outputFolder);
        }), $"The backend did not finish {hook}", timeout, cancellationToken);

    /// <summary>Imports one module of the project the way its backend would and returns one attribute's value as text
    /// (<c>evaluate_attr</c>). Never throws for a problem of the module: every failure is a reply.</summary>
    /// <exception cref="OperationCanceledException">The caller cancelled; the worker was killed.</exception>
    public WorkerReply Evaluate(string projectRoot, string sourceRoot, string moduleName, string moduleFile, string attribute,
        string convention, TimeSpan timeout, CancellationToken cancellationToken)
        => Exchange(Request(json =>
        {
            json.WriteString("hook", "evaluate_attr");
            json.WriteString("project", projectRoot);
            json.WriteString("source_root", sourceRoot);
            json.WriteString("module", moduleName);
            json.WriteString("file", moduleFile);
            json.WriteString("attribute", attribute);
            json.WriteString("convention", convention);
        }), $"Importing `{moduleName}` did not finish", timeout, cancellationToken);

    private WorkerReply Exchange(Func<long, string> request, string unfinished, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _tail.Clear();
        var call = ++_calls;
        var id = ++_nextId;
        try
        {
            _process.StandardInput.WriteLine(request(id));
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            return Died();
        }

        var (line, timedOut) = ReadLine(timeout, cancellationToken);
        if (timedOut)
        {
            Kill();
            return new WorkerReply("timeout", null,
                $"{unfinished} within {timeout.TotalSeconds:0.#} s; the worker was stopped.",
                null, null, _tail.WaitForEndOfCall(call, s_outputGrace));
        }

        if (line is null || !TryParse(line, out var reply))
        {
            Kill();
            return Died();
        }

        using (reply)
        {
            var root = reply.RootElement;
            var output = _tail.WaitForEndOfCall(call, s_outputGrace);
            if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return new WorkerReply(null, Text(root, "file"), null, null, null, output) { Value = Text(root, "value") };
            }

            return new WorkerReply(Text(root, "kind") ?? "bad-request", null, Text(root, "message"), Text(root, "missing"),
                Text(root, "traceback"), output);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Closing stdin ends the worker's request loop; a backend stuck in a build is killed instead.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                Kill();
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException)
        {
            Kill();
        }

        _process.Dispose();
    }

    private WorkerReply Died()
    {
        var exit = _process.WaitForExit(TimeSpan.FromSeconds(5)) ? $" (exit code {_process.ExitCode})" : "";
        return new WorkerReply("worker-died", null, $"The Python worker ended unexpectedly{exit}.", null, null,
            _tail.WaitForEndOfCall(long.MaxValue, s_outputGrace));
    }

    private (string? Line, bool TimedOut) ReadLine(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The read itself is never cancelled: a pipe read may not notice. Killing the worker ends it with EOF instead.
        var read = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
        try
        {
            if (!read.Wait(timeout, cancellationToken))
            {
                return (null, true);
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        return (read.Result, false);
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private bool HasExited()
    {
        try
        {
            return _process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>One request line: the id, then what <paramref name="body"/> writes.</summary>
    private static Func<long, string> Request(Action<Utf8JsonWriter> body) => id =>
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("id", id);
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    };

    private static bool TryParse(string line, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        document = null!;
        return false;
    }

    private static string? Text(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
