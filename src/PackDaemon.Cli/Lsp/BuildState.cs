namespace PackDaemon.Cli.Lsp;

/// <summary>What the code lens on pyproject.toml shows for one project: the last finished build, and whether one is
/// running now.</summary>
/// <param name="Succeeded">Null until the daemon has reported a build.</param>
/// <param name="WheelName">The wheel's file name, when the build wrote one.</param>
internal sealed record BuildState(bool? Succeeded, long TotalMs, string? WheelName, int Errors, bool Building)
{
    public static BuildState None { get; } = new(null, 0, null, 0, false);
}
