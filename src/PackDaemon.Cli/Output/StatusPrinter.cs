using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Output;

/// <summary>Prints <c>packd status</c>: the daemon, then one block per workspace, or that no daemon runs.</summary>
internal static class StatusPrinter
{
    public static void PrintRunning(StatusResult status, string? daemonBuild, string runtimeFolder, bool json, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (json)
        {
            var node = JsonSerializer.SerializeToNode(status, ProtocolJsonContext.Default.StatusResult)!.AsObject();
            node.Insert(0, "running", true);
            node.Insert(1, "runtimeDirectory", runtimeFolder);
            if (daemonBuild is not null)
            {
                node.Insert(2, "daemonBuild", daemonBuild);
            }

            stdout.WriteLine(JsonOutput.Write(w => node.WriteTo(w)));
            return;
        }

        var build = daemonBuild is null ? string.Empty : $" (build {daemonBuild})";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"daemon: pid {status.Pid}, version {status.DaemonVersion}{build}, protocol {status.ProtocolVersion}, up {Units.Duration(TimeSpan.FromMilliseconds(status.UptimeMs))}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  memory: working set {Units.Bytes(status.WorkingSetBytes)}, managed heap {Units.Bytes(status.ManagedHeapBytes)}; {status.Connections} connection(s)"));
        stdout.WriteLine($"  runtime folder: {runtimeFolder}");
        if (status.LastStopReason is { Length: > 0 } reason)
        {
            stdout.WriteLine($"  previous daemon stopped: {reason}");
        }

        if (status.Workspaces.Count == 0)
        {
            stdout.WriteLine("no workspaces open");
        }

        foreach (var workspace in status.Workspaces)
        {
            PrintWorkspace(workspace, stdout);
        }
    }

    public static void PrintNotRunning(string runtimeFolder, string? lastStop, bool json, TextWriter stdout)
    {
        if (json)
        {
            stdout.WriteLine(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("running", false);
                w.WriteString("runtimeDirectory", runtimeFolder);
                if (lastStop is not null)
                {
                    w.WriteString("lastStopReason", lastStop);
                }

                w.WriteEndObject();
            }));
            return;
        }

        stdout.WriteLine($"no daemon running (runtime folder {runtimeFolder}); 'packd build' starts one.");
        if (lastStop is not null)
        {
            stdout.WriteLine($"last stop: {lastStop}");
        }
    }

    private static void PrintWorkspace(WorkspaceStatus w, TextWriter stdout)
    {
        stdout.WriteLine($"workspace {w.Root}");
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  state {w.State}, generation {w.Generation}, pending changes {w.PendingChanges}, rescans {w.Rescans}, holders {w.Holders}"));
        var watch = w.WatchWarning is { Length: > 0 } warning ? $"{w.WatchMode} (warning: {warning})" : w.WatchMode;
        stdout.WriteLine($"  watching: {watch}");
        if (w.KeepAliveUntil is { } until)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not held; closes at {until.ToLocalTime():yyyy-MM-dd HH:mm:ss}"));
        }

        if (w.LastBuild is { } last)
        {
            var outcome = last.Succeeded ? "ok" : "failed";
            var artifacts = last.Artifacts.Count == 0 ? "no artifacts" : string.Join(", ", last.Artifacts.Select(a => Path.GetFileName(a.Path)));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  last build: generation {last.Generation}, {outcome}, {last.TotalMs} ms, {last.ChangedEntries} changed entries: {artifacts}"));
            if (last.Artifacts.FirstOrDefault(a => a.Mode is not (null or "native")) is { } notNative)
            {
                stdout.WriteLine($"  mode: {notNative.Mode} ({notNative.Reason})");
            }
        }
        else
        {
            stdout.WriteLine("  last build: none yet");
        }

        foreach (var d in DiagnosticReports.ToDiagnostics(w.Diagnostics))
        {
            stdout.WriteLine("  " + d);
        }
    }
}
