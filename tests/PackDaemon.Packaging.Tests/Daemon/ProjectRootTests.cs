using PackDaemon.Daemon.Workspaces;

namespace PackDaemon.Packaging.Tests.Daemon;

/// <summary>A declarative setuptools project (setup.cfg, no pyproject.toml) is a workspace the daemon watches.</summary>
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
    public void Normalize_FolderWithNeitherFile_SaysWhatIsMissing()
    {
        Assert.Null(ProjectRoot.Normalize(_root, out var problem));
        Assert.Contains("no pyproject.toml (nor setup.cfg)", problem, StringComparison.Ordinal);
    }
}
