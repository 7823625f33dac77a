using System.Globalization;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Cli.Output;

/// <summary>Prints a build: one line per artifact on stdout (or JSON), diagnostics on stderr, and the exit code.</summary>
internal static class BuildResultPrinter
{
    public static int Print(BuildResult result, string root, bool json, TextWriter stdout, TextWriter stderr)
        => Print(result, BuildOrigin.InProcess(result), root, json, stdout, stderr);

    public static int Print(BuildResult result, BuildOrigin origin, string root, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(origin);
        PrintDiagnostics(result.Diagnostics, root, stderr);
        if (json)
        {
            stdout.WriteLine(ToJson(result, origin));
        }
        else
        {
            foreach (var a in result.Artifacts)
            {
                stdout.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Display(a.Path)}  {a.Size} bytes  {a.Entries} entries  sha256:{a.Sha256}  {a.Milliseconds} ms  {a.Mode}"));
                if (a.Mode != "native" && a.Reason is not null)
                {
                    // Delegation is slower and runs the project's code: say why, so it never comes as a surprise.
                    stdout.WriteLine($"  why: {a.Reason}");
                }
            }

            if (!result.Succeeded)
            {
                // The daemon keeps the previous artifacts on disk; a one-shot build never wrote any.
                var kept = origin.ByDaemon ? "the previous artifacts were kept" : "nothing was written";
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"packd: build failed with {CountErrors(result.Diagnostics)} error(s); {kept}."));
            }
        }

        return result.Succeeded ? ExitCodes.Success : ExitCodes.BuildError;
    }

    public static int PrintCheck(BuildResult result, string root, bool json, TextWriter stdout, TextWriter stderr)
    {
        PrintDiagnostics(result.Diagnostics, root, stderr);
        if (json)
        {
            stdout.WriteLine(ToJson(result, origin: null));
        }
        else if (result.Succeeded)
        {
            var warnings = result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ok: no errors, {warnings} warning(s)."));
        }
        else
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"packd: {CountErrors(result.Diagnostics)} error(s)."));
        }

        return result.Succeeded ? ExitCodes.Success : ExitCodes.BuildError;
    }

    public static void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, string root, TextWriter stderr)
    {
        foreach (var d in diagnostics)
        {
            // Paths are project-relative inside packd; shown relative to the current folder they are clickable.
            var shown = d.File is null ? d : d with { File = Display(Path.Combine(root, d.File)) };
            stderr.WriteLine(shown.ToString());
        }
    }

    private static int CountErrors(IReadOnlyList<Diagnostic> diagnostics) => diagnostics.Count(d => d.IsError);

    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static string ToJson(BuildResult result, BuildOrigin? origin) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("ok", result.Succeeded);
        w.WriteString("mode", result.Mode);
        if (result.ModeReason is not null)
        {
            w.WriteString("modeReason", result.ModeReason);
        }

        if (origin is not null)
        {
            w.WriteString("builtBy", origin.ByDaemon ? "daemon" : "in-process");
            w.WriteNumber("generation", origin.Generation);
            w.WriteNumber("changedEntries", origin.ChangedEntries);
            w.WriteBoolean("upToDate", origin.UpToDate);
        }

        w.WriteStartArray("artifacts");
        foreach (var a in result.Artifacts)
        {
            w.WriteStartObject();
            w.WriteString("kind", a.Kind);
            w.WriteString("path", a.Path);
            w.WriteNumber("size", a.Size);
            w.WriteNumber("entries", a.Entries);
            w.WriteString("sha256", a.Sha256);
            w.WriteNumber("ms", a.Milliseconds);
            w.WriteString("mode", a.Mode);
            if (a.Reason is not null)
            {
                w.WriteString("reason", a.Reason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (origin is not { ByDaemon: true })
        {
            // The daemon's report has no package list: absent says "unknown", an empty array would say "none".
            w.WriteStartArray("packages");
            foreach (var p in result.Packages)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
        }

        JsonOutput.WriteDiagnostics(w, result.Diagnostics);
        var t = result.Timings;
        w.WriteStartObject("timings");
        w.WriteNumber("load", t.LoadMs);
        w.WriteNumber("select", t.SelectMs);
        w.WriteNumber("read", t.ReadMs);
        w.WriteNumber("wheel", t.WheelMs);
        w.WriteNumber("sdist", t.SdistMs);
        w.WriteNumber("total", t.TotalMs);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
