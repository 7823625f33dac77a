namespace PackDaemon.Engine.Workspaces;

/// <summary>An explicit build of a workspace (the <c>build</c> method), as opposed to one the watcher started.</summary>
/// <param name="OutputDirectory">Absolute folder, or null for the workspace's <c>dist/</c>.</param>
public sealed record WorkspaceBuildRequest(bool Wheel, bool Sdist, string? OutputDirectory)
{
    /// <summary>The client's <c>--python</c>, for a delegated build; later watch builds keep using it.</summary>
    public string? PythonOption { get; init; }

    /// <summary>The client's <c>PACKD_PYTHON</c>; later watch builds keep using it.</summary>
    public string? PythonVariable { get; init; }
}
