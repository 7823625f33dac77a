using System.Globalization;
using PackDaemon.Cli.Lsp.Messages;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Lsp;

/// <summary>The code lens above pyproject.toml's first line: the last build's outcome, time and wheel. Clicking it runs
/// <see cref="BuildCommandName"/>, a build through the daemon.</summary>
internal static class BuildLens
{
    public const string BuildCommandName = "packd.build";

    public static LspCodeLens Create(string root, BuildState state)
    {
        var range = new LspRange(new LspPosition(0, 0), new LspPosition(0, 0));
        return new LspCodeLens(range, new LspCommand(Title(state), BuildCommandName, [root]));
    }

    public static string Title(BuildState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Building)
        {
            return "packd: building…";
        }

        return state.Succeeded switch
        {
            null => "packd: no build yet (click to build)",
            true => string.Create(CultureInfo.InvariantCulture, $"packd: build succeeded in {state.TotalMs} ms") + (state.WheelName is { } wheel ? " · " + wheel : string.Empty),
            false => string.Create(CultureInfo.InvariantCulture, $"packd: build failed ({state.Errors} error{(state.Errors == 1 ? "" : "s")}) in {state.TotalMs} ms"),
        };
    }

    public static BuildState FromReport(BuildReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BuildState(
            report.Succeeded,
            report.Timings.TotalMs,
            WheelName(report.Artifacts),
            report.Diagnostics.Count(d => d.Severity == "error"),
            Building: false);
    }

    public static BuildState FromStatus(WorkspaceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var building = status.State is WorkspaceStates.Building or WorkspaceStates.Settling;
        if (status.LastBuild is not { } last)
        {
            return BuildState.None with { Building = building };
        }

        return new BuildState(last.Succeeded, last.TotalMs, WheelName(last.Artifacts), status.Diagnostics.Count(d => d.Severity == "error"), building);
    }

    private static string? WheelName(IReadOnlyList<ArtifactReport> artifacts)
        => artifacts.FirstOrDefault(a => a.Kind == "wheel") is { } wheel ? Path.GetFileName(wheel.Path) : null;
}
