using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Hatch;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>hatchling 1.12's file-selection rules, one rule per test; the differential suite checks them against hatchling itself.</summary>
public sealed class HatchSelectionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private (List<string> Wheel, List<string> Sdist) Select(HatchTargetOptions? wheel = null, HatchTargetOptions? sdist = null, string name = "app")
    {
        var hatch = new HatchBuildOptions(wheel ?? HatchTargetOptions.Empty, sdist ?? HatchTargetOptions.Empty, name);
        var options = _tree.Options(importName: name) with { Backend = hatch };
        var (selection, diagnostics) = TempTree.Select(options);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void DefaultDiscovery_SrcLayout_StripsSrcInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/static/site.css", "scripts/release.py");

        var (wheel, sdist) = Select();

        Assert.Equal(["app/__init__.py", "app/static/site.css"], wheel);
        Assert.Equal(["pyproject.toml", "scripts/release.py", "src/app/__init__.py", "src/app/static/site.css"], sdist);
    }

    [Fact]
    public void DefaultDiscovery_NoPackage_TakesEveryPyFileButTests()
    {
        _tree.Files("pyproject.toml", "alpha.py", "helpers/util.py", "test_alpha.py", "tests/__init__.py", "data.txt");

        var (wheel, _) = Select(name: "nothing_matches");

        Assert.Equal(["alpha.py", "helpers/util.py"], wheel);
    }

    [Fact]
    public void DefaultDiscovery_OneNamespaceFolder_ShipsTheWholeFolder()
    {
        _tree.Files("pyproject.toml", "acme/app/__init__.py", "acme/README.txt", "other/x.py");

        var (wheel, _) = Select();

        Assert.Equal(["acme/README.txt", "acme/app/__init__.py"], wheel);
    }

    [Fact]
    public void GitIgnore_OnlyTheRootFileCounts_AndALaterNegationReincludesFromAnIgnoredFolder()
    {
        _tree.File(".gitignore", "cache/\n!app/cache/keep.txt\n*.log\n")
            .File("app/.gitignore", "*.txt\n")
            .Files("pyproject.toml", "app/__init__.py", "app/notes.txt", "app/cache/blob.bin", "app/cache/keep.txt", "app/debug.log");

        var (wheel, _) = Select();

        // pathspec's GitIgnoreSpec, unlike git, lets a file pattern re-include a file below an excluded folder.
        Assert.Equal(["app/.gitignore", "app/__init__.py", "app/cache/keep.txt", "app/notes.txt"], wheel);
    }

    [Fact]
    public void GitIgnore_AFolderNegationDoesNotOverrideAnEarlierFileMatch()
    {
        _tree.File(".gitignore", "*.txt\n!app/\n").Files("pyproject.toml", "app/__init__.py", "app/a.txt");

        Assert.Equal(["app/__init__.py"], Select().Wheel);
    }

    [Fact]
    public void IgnoreVcs_TakesGitIgnoredFiles()
    {
        _tree.File(".gitignore", "*.log\n").Files("pyproject.toml", "app/__init__.py", "app/a.log");

        Assert.Contains("app/a.log", Select(new HatchTargetOptions { IgnoreVcs = true }).Wheel);
    }

    [Fact]
    public void Artifacts_WinOverGitIgnore()
    {
        _tree.File(".gitignore", "app/_gen.py\n").Files("pyproject.toml", "app/__init__.py", "app/_gen.py");

        var (wheel, sdist) = Select(new HatchTargetOptions { Artifacts = ["app/_gen.py"] }, new HatchTargetOptions { Artifacts = ["app/_gen.py"] });

        Assert.Contains("app/_gen.py", wheel);
        Assert.Contains("app/_gen.py", sdist);
    }

    [Fact]
    public void SourcesTable_RenamesThePackage()
    {
        _tree.Files("pyproject.toml", "lib/impl/__init__.py", "lib/impl/mod.py");

        var wheel = new HatchTargetOptions { Packages = ["lib/impl"], Sources = [new("lib/impl/", "renamed/")] };

        Assert.Equal(["renamed/__init__.py", "renamed/mod.py"], Select(wheel).Wheel);
    }

    [Fact]
    public void SourcesList_RemovesThePrefix_AndIncludeSelects()
    {
        _tree.Files("pyproject.toml", "python/app/__init__.py", "python/other.txt", "python/helper.py");

        var wheel = new HatchTargetOptions { Include = ["python/app", "python/helper.py"], Sources = [new("python/", "")] };

        Assert.Equal(["app/__init__.py", "helper.py"], Select(wheel).Wheel);
    }

    [Fact]
    public void ForceInclude_MapsFilesAndFolders_EvenIgnoredOnes()
    {
        _tree.File(".gitignore", "generated/\n")
            .Files("pyproject.toml", "app/__init__.py", "bin/tool.sh", "generated/info.json", "shared/t/a.html");

        var wheel = new HatchTargetOptions
        {
            ForceInclude = [new("bin/tool.sh", "app/bin/tool.sh"), new("generated/info.json", "app/info.json"), new("shared/t", "app/templates")],
        };

        Assert.Equal(["app/__init__.py", "app/bin/tool.sh", "app/info.json", "app/templates/a.html"], Select(wheel).Wheel);
    }

    [Fact]
    public void ForceInclude_SdistSourceIsNotAlsoAddedAtItsOwnPath()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "notes/a.md");

        var sdist = Select(sdist: new HatchTargetOptions { ForceInclude = [new("notes", "docs/notes")] }).Sdist;

        Assert.Contains("docs/notes/a.md", sdist);
        Assert.DoesNotContain("notes/a.md", sdist);
    }

    [Fact]
    public void OnlyPackages_LeavesOutFoldersWithoutInit()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/notes.txt", "app/static/site.css", "app/sub/__init__.py", "app/sub/raw/x.dat");

        var wheel = Select(new HatchTargetOptions { OnlyPackages = true }).Wheel;

        Assert.Equal(["app/__init__.py", "app/notes.txt", "app/sub/__init__.py"], wheel);
    }

    [Fact]
    public void OnlyInclude_WalksOnlyTheNamedPaths_AndANamedFileSkipsThePatterns()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/x.bak", "data/defaults.json", "data/extra.csv", "setup_helpers.py");

        var options = new HatchTargetOptions { OnlyInclude = ["app", "data/defaults.json"], Exclude = ["*.bak", "*.json"] };

        Assert.Equal(["app/__init__.py", "data/defaults.json"], Select(options).Wheel);
    }

    [Fact]
    public void Sdist_CarriesPyprojectAndGitIgnore_EvenWhenExcluded()
    {
        _tree.File(".gitignore", "*.toml\n.gitignore\n").Files("pyproject.toml", "app/__init__.py");

        Assert.Equal([".gitignore", "app/__init__.py", "pyproject.toml"], Select().Sdist);
    }

    [Fact]
    public void Exclude_ByDefaultLeavesOutTheDistFolderAtTheRootOnly()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/dist/x.py");

        Assert.Contains("app/dist/x.py", Select().Wheel);
    }

    [Fact]
    public void Options_EqualByContent_SoTheDaemonReselectsOnlyOnARealChange()
    {
        var a = new HatchTargetOptions { Include = ["a"], ForceInclude = [new("x", "y")] };
        var b = new HatchTargetOptions { Include = new List<string> { "a" }, ForceInclude = [new("x", "y")] };
        var c = b with { ForceInclude = [new("x", "z")] };

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, a with { Include = null });
        Assert.Equal(new HatchBuildOptions(a, a, "n"), new HatchBuildOptions(b, b, "n"));
    }
}
