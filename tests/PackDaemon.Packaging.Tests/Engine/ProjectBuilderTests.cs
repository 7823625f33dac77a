using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Engine;

public sealed class ProjectBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "packd-builder-" + Guid.NewGuid().ToString("N"));

    public ProjectBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "app"));
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[project]\nname = \"app\"\nversion = \"1.0\"\n");
        File.WriteAllText(Path.Combine(_root, "app", "__init__.py"), "");
    }

    [Fact]
    public void Build_WarningsFromSiblingFoldersWalkedInParallel_AreReportedInPathOrderEveryTime()
    {
        // Sibling folders are walked on several threads; each holds a link leaving the root, which warns.
        foreach (var name in new[] { "e", "b", "d", "a", "c", "f", "h", "g" })
        {
            var folder = Path.Combine(_root, "app", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "mod.py"), "x = 1\n");
            File.CreateSymbolicLink(Path.Combine(folder, "passwd"), "/etc/passwd");
        }

        var first = Warnings(Build());
        var second = Warnings(Build());

        Assert.Equal(8, first.Count);
        Assert.Equal(first.Order(StringComparer.Ordinal), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Build_CheckOnly_ReportsTheArtifactsButWritesNothing()
    {
        var result = ProjectBuilder.Build(new BuildRequest(_root, Path.Combine(_root, "dist"), Wheel: true, Sdist: true, WriteArtifacts: false, SourceDateEpoch: null));

        Assert.True(result.Succeeded);
        Assert.Equal(["wheel", "sdist"], result.Artifacts.Select(a => a.Kind));
        Assert.All(result.Artifacts, a => Assert.Matches("^[0-9a-f]{64}$", a.Sha256));
        Assert.False(Directory.Exists(Path.Combine(_root, "dist")));
    }

    [Fact]
    public void Build_WheelOnly_ReadmeHoldingAKey_IsRefused_BecauseMetadataCarriesTheReadmeText()
    {
        // The readme file is in no artifact under --wheel, but METADATA's description is its whole text.
        File.WriteAllText(Path.Combine(_root, "pyproject.toml"), "[project]\nname = \"app\"\nversion = \"1.0\"\nreadme = \"README.md\"\n");
        File.WriteAllText(Path.Combine(_root, "README.md"), "# app\n\nDeploy with:\n\n    export GITHUB_TOKEN=" + Secrets.SecretSamples.GitHubClassic + "\n");

        var result = ProjectBuilder.Build(new BuildRequest(_root, Path.Combine(_root, "dist"), Wheel: true, Sdist: false, WriteArtifacts: true, SourceDateEpoch: null));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("README.md", 5), (error.File, error.Line));
        Assert.Contains("into the wheel", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "dist")));
    }

    private BuildResult Build()
        => ProjectBuilder.Build(new BuildRequest(_root, Path.Combine(_root, "dist"), Wheel: true, Sdist: true, WriteArtifacts: true, SourceDateEpoch: null));

    private static List<string> Warnings(BuildResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.File!).ToList();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
