using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Hatch;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class HatchBuildConfigTests : IDisposable
{
    private const string Head = "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n[project]\nname = \"Flask.Shop\"\nversion = \"1\"\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_TargetKeysReplaceGlobalKeys()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "src", "shop"));
        _project.Pyproject(Head + """
            [tool.hatch.build]
            exclude = ["*.bak"]
            artifacts = ["*.so"]
            only-packages = true

            [tool.hatch.build.targets.wheel]
            packages = ["./src/shop/"]
            exclude = ["tests/"]
            sources = {"src/shop" = "shop2"}

            [tool.hatch.build.targets.wheel.force-include]
            "bin/run.sh" = "shop2/bin/run.sh"

            [tool.hatch.build.targets.sdist]
            only-include = ["src", "docs/index.md"]
            sources = ["src"]
            """);

        var hatch = _project.LoadOk().Selection.Backend as HatchBuildOptions ?? throw new InvalidOperationException("not hatch rules");

        Assert.Equal("Flask.Shop", hatch.RawName);
        Assert.Equal(["src/shop"], hatch.Wheel.Packages!);
        Assert.Equal(["tests/"], hatch.Wheel.Exclude!);
        Assert.Equal(["*.so"], hatch.Wheel.Artifacts);
        Assert.True(hatch.Wheel.OnlyPackages);
        Assert.Equal([new HatchPathMapping("src/shop/", "shop2/")], hatch.Wheel.Sources);
        Assert.Equal([new HatchPathMapping("bin/run.sh", "shop2/bin/run.sh")], hatch.Wheel.ForceInclude);
        Assert.Equal(["*.bak"], hatch.Sdist.Exclude!);
        Assert.Equal(["src", "docs/index.md"], hatch.Sdist.OnlyInclude!);
        Assert.Equal([new HatchPathMapping("src/", "")], hatch.Sdist.Sources);
        Assert.Null(hatch.Sdist.Packages);
    }

    [Fact]
    public void Load_ToolPackdSelection_KeepsPackdRules()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "app"));
        _project.Pyproject(Head + "[tool.packd]\npackages = [\"app\"]\n");

        Assert.Null(_project.LoadOk().Selection.Backend);
    }

    [Fact]
    public void Load_OtherBackend_HasNoHatchRules()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"custom_backend.api\"\n[project]\nname = \"x\"\nversion = \"1\"\n");

        Assert.Null(_project.LoadOk().Selection.Backend);
    }

    [Fact]
    public void Load_OnlyIncludeLeavingTheProject_ErrorNamesTheItem()
    {
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel]\nonly-include = [\"ok\", \"../outside\"]\n");

        var error = _project.LoadError(DiagnosticCodes.HatchBuildInvalid);

        Assert.Equal(9, error.Line);
        Assert.Contains("../outside", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Fix);
    }

    [Fact]
    public void Load_SharedDataAndExtraMetadata_ReadFromTheWheelTable_WithTheWheelFolders()
    {
        _project.Write("share/x.txt", "x").Write("NOTICE.md", "n").Pyproject(Head
            + "[tool.hatch.build.targets.wheel.shared-data]\n\"share\" = \"share/app\"\n"
            + "[tool.hatch.build.targets.wheel.extra-metadata]\n\"./NOTICE.md\" = \"NOTICE.md\"\n");

        var loaded = _project.LoadOk();

        var wheel = ((HatchBuildOptions)loaded.Selection.Backend!).Wheel;
        Assert.Equal([new HatchPathMapping("share", "share/app")], wheel.SharedData);
        Assert.Equal([new HatchPathMapping("NOTICE.md", "NOTICE.md")], wheel.ExtraMetadata);
        Assert.Equal("flask_shop-1.data/data/", wheel.SharedDataPrefix);
        Assert.Equal("flask_shop-1.dist-info/extra_metadata/", wheel.ExtraMetadataPrefix);
    }

    [Fact]
    public void Load_SharedDataOutsideTheProject_Refused()
    {
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel.shared-data]\n\"../share\" = \"x\"\n");

        var error = _project.LoadError(DiagnosticCodes.HatchBuildInvalid);

        Assert.Contains("../share", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtraMetadataEmptyTarget_Refused()
    {
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel.extra-metadata]\n\"NOTICE.md\" = \"\"\n");

        var error = _project.LoadError(DiagnosticCodes.HatchBuildInvalid);

        Assert.Contains("extra-metadata `NOTICE.md`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SharedScripts_MapsIntoTheDataScriptsFolder()
    {
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel.shared-scripts]\n\"bin/x\" = \"x\"\n").Write("bin/x", "#!/bin/sh\n");

        var hatch = Assert.IsType<PackDaemon.Packaging.Selection.Hatch.HatchBuildOptions>(_project.LoadOk().Selection.Backend);

        Assert.Equal([new("bin/x", "x")], hatch.Wheel.SharedScripts);
        Assert.EndsWith(".data/scripts/", hatch.Wheel.SharedScriptsPrefix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SharedScriptsLeavingTheProject_Refused()
    {
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel.shared-scripts]\n\"../bin/x\" = \"x\"\n");

        var error = _project.LoadError(DiagnosticCodes.HatchBuildInvalid);

        Assert.Contains("../bin/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OnlyPackagesNotABoolean_TypeError()
    {
        _project.Pyproject(Head + "[tool.hatch.build]\nonly-packages = \"yes\"\n");

        var error = _project.LoadError(DiagnosticCodes.FieldType);

        Assert.Equal(9, error.Line);
    }
}
