using PackDaemon.Engine.Building;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Output;

/// <summary>Maps the daemon's BuildReport onto the CLI's BuildResult, so both paths share one printer and print the
/// same lines and the same JSON.</summary>
internal static class BuildReports
{
    public static BuildResult ToBuildResult(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Timings;
        var artifacts = report.Artifacts
            .Select(a => new ArtifactInfo(a.Kind, a.Path, a.Size, a.Entries, a.Sha256, a.Kind == "wheel" ? t.WheelMs : t.SdistMs)
            {
                // An older daemon sends neither field, and it only ever built natively.
                Mode = a.Mode ?? report.Mode,
                Reason = a.Reason,
            })
            .ToList();

        // The daemon does not report the package list; an empty list is printed as absent, not as "no packages".
        return new BuildResult(report.Succeeded, artifacts, DiagnosticReports.ToDiagnostics(report.Diagnostics), [],
            new PhaseTimings(t.LoadMs, t.SelectMs, t.ReadMs, t.WheelMs, t.SdistMs, t.TotalMs))
        {
            Mode = report.Mode,
            ModeReason = report.ModeReason,
        };
    }
}
