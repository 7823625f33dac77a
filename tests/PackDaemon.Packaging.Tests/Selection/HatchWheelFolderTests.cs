using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Hatch;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>hatchling 1.12's <c>shared-data</c> (into <c>&lt;dist&gt;.data/data/</c>) and <c>extra-metadata</c> (into
/// <c>.dist-info/extra_metadata/</c>), one rule per test; the conformance cases shared-data and extra-metadata check
/// them against hatchling itself.</summary>
public sealed class HatchWheelFolderTests : IDisposable
{
    private const string Data = "app-1.0.data/data/";
    private const string Extra = "app-1.0.dist-info/extra_metadata/";

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private const string Scripts = "app-1.0.data/scripts/";

    private List<string> Wheel(HatchTargetOptions wheel) => TempTree.Paths(WheelFiles(wheel));

    private List<SelectedFile> WheelFiles(HatchTargetOptions wheel)
    {
        var hatch = new HatchBuildOptions(wheel with { SharedDataPrefix = Data, ExtraMetadataPrefix = Extra, SharedScriptsPrefix = Scripts }, HatchTargetOptions.Empty, "app");
        var options = _tree.Options(importName: "app") with { Backend = hatch };
        var (selection, diagnostics) = TempTree.Select(options);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return [.. selection.Wheel];
    }

    [Fact]
    public void SharedScripts_GoUnderTheScriptsFolder_WithHatchlingsShebangRewrite_AndNothingElseIsRewritten()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "bin/serve", "tools/a.sh", "tools/b.py");

        var wheel = WheelFiles(new HatchTargetOptions { SharedScripts = [new("bin/serve", "serve"), new("tools", "tools")] });

        Assert.Equal([Scripts + "serve", Scripts + "tools/a.sh", Scripts + "tools/b.py", "app/__init__.py"], TempTree.Paths(wheel));
        Assert.All(wheel.Where(f => f.ArchivePath.StartsWith(Scripts, StringComparison.Ordinal)),
            f => Assert.Equal(PackDaemon.Packaging.Scripts.ScriptRewrite.HatchlingSharedScripts, f.Rewrite));
        Assert.Equal(PackDaemon.Packaging.Scripts.ScriptRewrite.None, wheel.Single(f => f.ArchivePath == "app/__init__.py").Rewrite);
    }

    [Fact]
    public void SharedData_FolderAndFile_GoUnderTheDataFolder_AtTheirTargetPaths()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/icons/app.svg", "share/man/app.1", "etc/app.conf");

        var wheel = Wheel(new HatchTargetOptions { SharedData = [new("share", "share/app"), new("etc/app.conf", "etc/app.conf")] });

        Assert.Equal([Data + "etc/app.conf", Data + "share/app/icons/app.svg", Data + "share/app/man/app.1", "app/__init__.py"], wheel);
    }

    [Fact]
    public void SharedData_ExcludeMatchesThePathInTheArtifact_NotTheSourcePath()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/keep.txt", "share/old.bak");

        // "target/" names the target path only: hatchling checks target/below against the exclude patterns.
        var wheel = Wheel(new HatchTargetOptions { Exclude = ["*.bak", "target/keep.txt"], SharedData = [new("share", "target")] });

        Assert.Equal(["app/__init__.py"], wheel);
    }

    [Fact]
    public void SharedData_AnArtifactPatternWinsOverExclude()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/build.bin");

        var wheel = Wheel(new HatchTargetOptions { Exclude = ["*.bin"], Artifacts = ["*.bin"], SharedData = [new("share", "share")] });

        Assert.Contains(Data + "share/build.bin", wheel);
    }

    [Fact]
    public void SharedData_SkipsFoldersHatchlingNeverWalks()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/a.txt", "share/__pycache__/a.cpython-311.pyc");

        Assert.Equal([Data + "share/a.txt", "app/__init__.py"], Wheel(new HatchTargetOptions { SharedData = [new("share", "share")] }));
    }

    [Fact]
    public void SharedData_OnlyPackages_TakesOnlyFilesOfFoldersWithInitPy()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/plain.txt", "share/pkg/__init__.py", "share/pkg/data.txt");

        var wheel = Wheel(new HatchTargetOptions { OnlyPackages = true, SharedData = [new("share", "s")] });

        Assert.Equal([Data + "s/pkg/__init__.py", Data + "s/pkg/data.txt", "app/__init__.py"], wheel);
    }

    [Fact]
    public void SharedData_SourcesRewriteAppliesToTheTargetPath()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "share/a.txt");

        var wheel = Wheel(new HatchTargetOptions { Sources = [new("lib/", "")], SharedData = [new("share", "lib/data")] });

        Assert.Contains(Data + "data/a.txt", wheel);
    }

    [Fact]
    public void ExtraMetadata_GoesUnderDistInfoExtraMetadata()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "PROVENANCE.txt", "meta/build.json");

        var wheel = Wheel(new HatchTargetOptions { ExtraMetadata = [new("PROVENANCE.txt", "PROVENANCE.txt"), new("meta", "prov")] });

        Assert.Equal([Extra + "PROVENANCE.txt", Extra + "prov/build.json", "app/__init__.py"], wheel);
    }

    [Fact]
    public void ExtraMetadata_ASourceFileIsStillInThePayloadWhenTheWalkTakesIt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/meta.json");

        var wheel = Wheel(new HatchTargetOptions { ExtraMetadata = [new("app/meta.json", "meta.json")] });

        Assert.Equal([Extra + "meta.json", "app/__init__.py", "app/meta.json"], wheel);
    }
}
