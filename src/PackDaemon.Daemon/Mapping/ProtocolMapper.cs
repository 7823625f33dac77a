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
    public static DiagnosticReport ToReport(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new DiagnosticReport(diagnostic.Code, ToSeverity(diagnostic.Severity), diagnostic.Message, diagnostic.File,
            diagnostic.Line, diagnostic.Column, diagnostic.Fix);
    }

    public static IReadOnlyList<DiagnosticReport> ToReports(IEnumerable<Diagnostic> diagnostics) => [.. diagnostics.Select(ToReport)];

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
