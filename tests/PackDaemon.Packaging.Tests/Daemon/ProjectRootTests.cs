using PackDaemon.Daemon.Workspaces;

namespace PackDaemon.Packaging.Tests.Daemon;

/// <summary>A declarative setuptools project (setup.cfg, no pyproject.toml) and a classic setup.py app are workspaces the daemon watches.</summary>
public sealed class ProjectRootTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-root-" + Guid.NewGuid().ToString("N"));

    public ProjectRootTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Normalize_FolderWithOnlySetupCfg_IsAWorkspace()
    {
        File.WriteAllText(Path.Combine(_root, "setup.cfg"), "[metadata]\nname = a\nversion = 1\n");

        Assert.Equal(_root, ProjectRoot.Normalize(_root, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Normalize_FolderWithOnlySetupPy_IsAWorkspace_AsPackdBuildTreatsIt()
    {
        File.WriteAllText(Path.Combine(_root, "setup.py"), "from setuptools import setup\nsetup(name='a', version='1')\n");

        Assert.Equal(_root, ProjectRoot.Normalize(_root, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Normalize_FolderWithNoProjectFile_SaysWhatIsMissing()
    {
        Assert.Null(ProjectRoot.Normalize(_root, out var problem));
        Assert.Contains("no pyproject.toml, setup.cfg or setup.py", problem, StringComparison.Ordinal);
    }
}
