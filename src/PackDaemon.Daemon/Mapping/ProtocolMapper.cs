using PackDaemon.Daemon.Workspaces;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Protocol;

namespace PackDaemon.Daemon.Mapping;

/// <summary>The one place where Engine types become Protocol DTOs, so the wire format follows docs/protocol.md and
/// not whatever shape the engine has this month.</summary>
internal static class ProtocolMapper
{
    /// <summary>Diagnostics per list on the wire. A project with 60,000 warnings once made a 22 MB status reply, past
    /// the 16 MiB frame limit, and then status failed for every project: past the cap, one PD5030 says how many more.</summary>
    public const int MaxDiagnosticsPerList = 1000;

    /// <summary>Characters of one message or fix on the wire: an echoed line of a minified file can be megabytes.</summary>
    public const int MaxTextLength = 2000;

    public static DiagnosticReport ToReport(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new DiagnosticReport(diagnostic.Code, ToSeverity(diagnostic.Severity), Cap(diagnostic.Message)!, diagnostic.File,
            diagnostic.Line, diagnostic.Column, Cap(diagnostic.Fix));
    }

    /// <summary>At most <see cref="MaxDiagnosticsPerList"/>, errors first (what must be fixed is never the part cut),
    /// in their order otherwise, then one PD5030 with the count of the rest.</summary>
    public static IReadOnlyList<DiagnosticReport> ToReports(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics as IReadOnlyList<Diagnostic> ?? [.. diagnostics];
        if (all.Count <= MaxDiagnosticsPerList)
        {
            return [.. all.Select(ToReport)];
        }

        var kept = all.Where(d => d.IsError).Concat(all.Where(d => !d.IsError)).Take(MaxDiagnosticsPerList).ToList();
        int omittedErrors = all.Count(d => d.IsError) - kept.Count(d => d.IsError);
        int omitted = all.Count - kept.Count;
        var reports = kept.Select(ToReport).ToList();
        reports.Add(new DiagnosticReport(DiagnosticCodes.DiagnosticsOmitted, omittedErrors > 0 ? "error" : "info",
            $"{omitted:N0} more diagnostics ({omittedErrors:N0} of them errors) are not shown; {MaxDiagnosticsPerList:N0} are.",
            null, 0, 0, "Fix or exclude what the shown diagnostics name; `packd build --no-daemon` prints every one."));
        return reports;
    }

    private static string? Cap(string? text)
        => text is { Length: > MaxTextLength } ? string.Concat(text.AsSpan(0, MaxTextLength), "… (", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), " characters)") : text;

    public static string ToSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    public static ArtifactReport ToReport(ArtifactInfo artifact, bool rewritten)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new ArtifactReport(artifact.Kind, artifact.Path, artifact.Size, artifact.Entries, artifact.Sha256, rewritten, artifact.Mode, artifact.Reason);
    }

    public static BuildReport ToReport(WorkspaceBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var outcome = build.Outcome;
        var result = outcome.Result;
        var t = result.Timings;
        return new BuildReport(
            build.Root,
            build.Generation,
            result.Succeeded,
            result.Mode,
            outcome.UpToDate,
            [.. result.Artifacts.Select(a => ToReport(a, rewritten: !outcome.UpToDate))],
            outcome.ChangedEntries,
            new BuildTimings(outcome.ReconcileMs, t.LoadMs, t.SelectMs, t.ReadMs, t.WheelMs, t.SdistMs, t.TotalMs),
            ToReports(result.Diagnostics),
            result.ModeReason);
    }

    public static BuildSummary ToSummary(WorkspaceBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var outcome = build.Outcome;
        return new BuildSummary(
            build.Generation,
            outcome.Result.Succeeded,
            outcome.Result.Timings.TotalMs,
            outcome.ChangedEntries.Count,
            [.. outcome.Result.Artifacts.Select(a => ToReport(a, rewritten: !outcome.UpToDate))],
            build.FinishedAt);
    }

    public static BuildStartedNotification ToNotification(WorkspaceBuildStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        return new BuildStartedNotification(started.Root, started.Generation, started.ChangedFiles, started.Trigger);
    }

    public static DiagnosticsChangedNotification ToNotification(WorkspaceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new DiagnosticsChangedNotification(snapshot.Root, snapshot.Generation, ToReports(snapshot.Diagnostics));
    }

    public static WorkspaceStatus ToStatus(WorkspaceSnapshot snapshot, int holders, DateTimeOffset? keepAliveUntil)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new WorkspaceStatus(
            snapshot.Root,
            snapshot.State,
            snapshot.Generation,
            snapshot.PendingChanges,
            snapshot.LastBuild is { } last ? ToSummary(last) : null,
            snapshot.Rescans,
            snapshot.WatchMode,
            snapshot.WatchWarning,
            holders,
            keepAliveUntil,
            ToReports(snapshot.Diagnostics));
    }

    public static WorkspaceStatus ToStatus(WorkspaceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ToStatus(entry.Workspace.Snapshot(), entry.Holders, entry.KeepAliveUntil);
    }

    /// <param name="explanation">Null when the project could not be loaded.</param>
    public static ExplainResult ToExplainResult(string path, FileExplanation? explanation, IEnumerable<Diagnostic> diagnostics)
    {
        var reports = ToReports(diagnostics);
        if (explanation is null)
        {
            return new ExplainResult(path, null, null, reports);
        }

        return new ExplainResult(
            explanation.RelativePath,
            new ArtifactDecision(explanation.InWheel, explanation.InWheel ? explanation.WheelArchivePath : null, explanation.WheelReason),
            // The sdist's archive path needs the project's name and version, which the explanation does not carry.
            new ArtifactDecision(explanation.InSdist, null, explanation.SdistReason),
            reports);
    }
}
