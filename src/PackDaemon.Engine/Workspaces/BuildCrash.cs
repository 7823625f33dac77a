using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Engine.Workspaces;

/// <summary>Turns a builder that threw into an ordinary failed build, so the daemon reports it like any other failure
/// and keeps watching (a crash must never latch the workspace into a state only a restart clears).</summary>
internal static class BuildCrash
{
    /// <summary>PD5xxx is the artifacts and I/O area; the Packaging codes end well below this one.</summary>
    public const string Code = "PD5900";

    public static IncrementalBuildResult ToResult(Exception exception)
    {
        var diagnostic = new Diagnostic(
            Code,
            DiagnosticSeverity.Error,
            $"The build stopped unexpectedly: {exception.GetType().Name}: {exception.Message}",
            Fix: "Save again or run `packd build --no-daemon` to retry; if it persists, report it with this message.");
        var result = new BuildResult(false, [], [diagnostic], [], new PhaseTimings(0, 0, 0, 0, 0, 0));
        return new IncrementalBuildResult(result, 0, [], UpToDate: false, ReconcileMs: 0);
    }
}
