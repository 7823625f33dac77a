namespace PackDaemon.Packaging.Projects;

/// <summary>
/// The files that make a folder a Python project, in the order a project-wide diagnostic prefers them: pyproject.toml,
/// setup.cfg (PEP 517's fallback reads a declarative one), setup.py (the classic workflow, built by setuptools'
/// legacy backend). One list, so <c>packd build</c>, the daemon, <c>packd lsp</c> and every other command agree on
/// what a project is: a setup.py-only app once built one-shot but was refused by the daemon.
/// </summary>
public static class ProjectMarkers
{
    public static IReadOnlyList<string> Files { get; } = ["pyproject.toml", "setup.cfg", "setup.py"];

    public static bool IsProjectRoot(string folder) => Files.Any(name => File.Exists(Path.Combine(folder, name)));

    /// <summary>The file a diagnostic about the whole project lands on: the first marker present, else pyproject.toml.</summary>
    public static string PrimaryFile(string folder)
        => Files.Select(name => Path.Combine(folder, name)).FirstOrDefault(File.Exists) ?? Path.Combine(folder, Files[0]);
}
