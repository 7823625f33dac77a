using System.Globalization;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Output;

/// <summary>
/// Prints <c>packd watch</c>: one permanent line per finished build on stdout, diagnostics and connection news on
/// stderr. On a terminal a status line (settling, building) is rewritten in place below them; when stdout is a pipe or
/// a file only the permanent lines are written, so logs stay clean. Called from two tasks, hence the lock.
/// </summary>
internal sealed class WatchPrinter
{
    /// <summary>Carriage return, then ANSI "erase line": the cursor goes back over the status line and clears it.</summary>
    private const string ClearLine = "\r\u001b[2K";

    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;
    private readonly string _root;
    private readonly Lock _gate = new();
    private bool _statusShown;

    public WatchPrinter(TextWriter stdout, TextWriter stderr, string root, bool live)
    {
        _stdout = stdout;
        _stderr = stderr;
        _root = root;
        Live = live;
    }

    /// <summary>True on a terminal: show the status line.</summary>
    public bool Live { get; }

    public void Opened(WorkspaceStatus status, int daemonPid, bool reconnected)
    {
        ArgumentNullException.ThrowIfNull(status);
        var verb = reconnected ? "reconnected to" : "connected to";
        Line(_stderr, string.Create(CultureInfo.InvariantCulture,
            $"packd: {verb} the daemon (pid {daemonPid}); watching {status.Root} at generation {status.Generation}. Ctrl+C stops watching."));
        if (status.WatchWarning is { Length: > 0 } warning)
        {
            Line(_stderr, $"packd: warning: watching by {status.WatchMode}: {warning}");
        }

        State(status);
    }

    public void Started(BuildStartedNotification started)
    {
        ArgumentNullException.ThrowIfNull(started);
        Status(string.Create(CultureInfo.InvariantCulture,
            $"building generation {started.Generation} ({started.ChangedFiles} changed file(s), {started.Trigger})…"));
    }

    public void Finished(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var at = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        if (report.Succeeded)
        {
            var changes = report.UpToDate ? "up to date" : string.Create(CultureInfo.InvariantCulture, $"{report.ChangedEntries.Count} changed entries");
            var names = string.Join(", ", report.Artifacts.Select(a => Path.GetFileName(a.Path)));
            if (report.Mode != "native")
            {
                names += " (" + report.Mode + ")";
            }

            Line(_stdout, string.Create(CultureInfo.InvariantCulture,
                $"[{at}] generation {report.Generation}: {changes}, {report.Timings.TotalMs} ms: {names}"));
        }
        else
        {
            Line(_stdout, string.Create(CultureInfo.InvariantCulture, $"[{at}] generation {report.Generation}: failed"));
            lock (_gate)
            {
                ClearStatus();
                BuildResultPrinter.PrintDiagnostics(DiagnosticReports.ToDiagnostics(report.Diagnostics), _root, _stderr);
            }
        }

        Status("watching for changes");
    }

    /// <summary>The workspace's state from a status poll; only shown on a terminal.</summary>
    public void State(WorkspaceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var text = status.State switch
        {
            WorkspaceStates.Settling => string.Create(CultureInfo.InvariantCulture, $"settling ({status.PendingChanges} pending change(s))…"),
            WorkspaceStates.Building => string.Create(CultureInfo.InvariantCulture, $"building generation {status.Generation}…"),
            WorkspaceStates.WaitingForGit => "waiting for git to finish…",
            WorkspaceStates.Failed => "last build failed; watching for changes",
            _ => "watching for changes",
        };
        Status(text);
    }

    public void ConnectionLost(string reason) => Line(_stderr, $"packd: the daemon went away ({reason}); reconnecting…");

    public void Error(string message) => Line(_stderr, "packd: " + message);

    /// <summary>Leaves the terminal with the cursor on a clean line.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            ClearStatus();
        }
    }

    private void Line(TextWriter writer, string text)
    {
        lock (_gate)
        {
            ClearStatus();
            writer.WriteLine(text);
            writer.Flush();
        }
    }

    private void Status(string text)
    {
        if (!Live)
        {
            return;
        }

        lock (_gate)
        {
            _stdout.Write(ClearLine + text);
            _stdout.Flush();
            _statusShown = true;
        }
    }

    private void ClearStatus()
    {
        if (_statusShown)
        {
            _stdout.Write(ClearLine);
            _statusShown = false;
        }
    }
}
