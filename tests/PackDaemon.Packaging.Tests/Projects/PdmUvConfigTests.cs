using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Pdm;
using PackDaemon.Packaging.Selection.Uv;

namespace PackDaemon.Packaging.Tests.Projects;

/// <summary>Reading [tool.pdm.build], [tool.pdm.version] and [tool.uv.build-backend]: values, defaults, errors with their line.</summary>
public sealed class PdmUvConfigTests : IDisposable
{
    private const string PdmHead = "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n\n[project]\nname = \"Flask.Shop\"\nversion = \"1.0\"\n";
    private const string UvHead = "[build-system]\nrequires = [\"uv_build\"]\nbuild-backend = \"uv_build\"\n\n[project]\nname = \"Flask.Shop\"\nversion = \"1.0\"\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private PdmBuildOptions LoadPdm() => _project.LoadOk().Selection.Backend as PdmBuildOptions ?? throw new InvalidOperationException("not pdm rules");

    private UvBuildOptions LoadUv() => _project.LoadOk().Selection.Backend as UvBuildOptions ?? throw new InvalidOperationException("not uv rules");

    [Fact]
    public void Pdm_ReadsEveryEmulatedKey()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "lib"));
        _project.Pyproject(PdmHead + """
            [tool.pdm.build]
            includes = ["lib/shop/", "extra.py"]
            excludes = ["**/*.bak"]
            source-includes = ["tests/", "CHANGELOG.md"]
            package-dir = "lib"

            [tool.pdm.build.wheel-data]
            scripts = ["bin/*"]
            data = [{ path = "share/**/*", relative-to = "." }, { path = "etc/*.conf", relative-to = "etc/" }]
            """);

        var pdm = LoadPdm();

        Assert.Equal(["lib/shop/", "extra.py"], pdm.Includes);
        Assert.Equal(["**/*.bak"], pdm.Excludes);
        Assert.Equal(["tests/", "CHANGELOG.md"], pdm.SourceIncludes);
        Assert.Equal("lib", pdm.PackageDir);
        Assert.Equal(
            [new PdmWheelData("scripts", "bin/*", null), new PdmWheelData("data", "share/**/*", ""), new PdmWheelData("data", "etc/*.conf", "etc")],
            pdm.WheelData);
        Assert.Equal("flask_shop-1.0.data", pdm.DataFolder);
    }

    [Fact]
    public void Pdm_PackageDirDefaultsToSrcOnlyWhenItExists()
    {
        _project.Pyproject(PdmHead);
        Assert.Equal(string.Empty, LoadPdm().PackageDir);

        Directory.CreateDirectory(Path.Combine(_project.Root, "src"));
        Assert.Equal("src", LoadPdm().PackageDir);
    }

    [Fact]
    public void Pdm_PatternLeavingTheProject_ErrorNamesTheLine()
    {
        _project.Pyproject(PdmHead + "[tool.pdm.build]\nincludes = [\"ok\",\n  \"../outside\"]\n");

        var error = _project.LoadError(DiagnosticCodes.PdmBuildInvalid);

        Assert.Equal(10, error.Line);
        Assert.Contains("../outside", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Fix);
    }

    [Fact]
    public void Pdm_UnknownWheelDataScheme_IsAnError()
    {
        _project.Pyproject(PdmHead + "[tool.pdm.build.wheel-data]\nheaders = [\"h/*.h\"]\n");

        var error = _project.LoadError(DiagnosticCodes.PdmBuildInvalid);

        Assert.Contains("`headers`", error.Message, StringComparison.Ordinal);
        Assert.Contains("include", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdm_WheelDataFromTheBuildDir_IsRefused()
    {
        _project.Pyproject(PdmHead + "[tool.pdm.build.wheel-data]\ndata = [{ path = \"${BUILD_DIR}/gen/*\" }]\n");

        var error = _project.LoadError(DiagnosticCodes.PdmBuildInvalid);

        Assert.Equal(9, error.Line);
        Assert.Contains("${BUILD_DIR}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdm_MissingPackageDir_IsAnError()
    {
        _project.Pyproject(PdmHead + "[tool.pdm.build]\npackage-dir = \"lib\"\n");

        Assert.Contains("lib", _project.LoadError(DiagnosticCodes.PdmBuildInvalid).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PdmVersion_FileSource_ReadsTheVersionLine_AndTheFileIsAMetadataInput()
    {
        _project.Write("src/shop/__init__.py", "\"\"\"Shop.\"\"\"\n__version__ = '2.1.0'  # bumped by release.sh\n");
        _project.Pyproject(PdmHead.Replace("version = \"1.0\"\n", "dynamic = [\"version\"]\n", StringComparison.Ordinal)
            + "[tool.pdm.version]\nsource = \"file\"\npath = \"src/shop/__init__.py\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal("2.1.0", loaded.Version);
        Assert.Contains("src/shop/__init__.py", loaded.MetadataInputs);
        Assert.Equal("flask_shop-2.1.0.data", ((PdmBuildOptions)loaded.Selection.Backend!).DataFolder);
    }

    [Fact]
    public void PdmVersion_FileWithoutTheLine_ErrorNamesTheFile()
    {
        _project.Write("shop.py", "VERSION = '1'\n");
        _project.Pyproject(PdmHead.Replace("version = \"1.0\"\n", "dynamic = [\"version\"]\n", StringComparison.Ordinal)
            + "[tool.pdm.version]\nsource = \"file\"\npath = \"shop.py\"\n");

        var error = _project.LoadError(DiagnosticCodes.PdmVersionInvalid);

        Assert.Equal("shop.py", error.File);
        Assert.Contains("__version__", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdm_DefaultLicenseFiles_HaveNoAuthors()
    {
        _project.Write("LICENSE", "MIT").Write("AUTHORS", "me").Pyproject(PdmHead);

        Assert.Equal(["LICENSE"], _project.LoadOk().LicenseFiles);
    }

    [Fact]
    public void Uv_Defaults_SrcAndTheNormalizedName()
    {
        _project.Pyproject(UvHead);

        var uv = LoadUv();

        Assert.Equal("src", uv.ModuleRoot);
        Assert.Equal(["flask_shop"], uv.ModuleNames);
        Assert.False(uv.Namespace);
        Assert.True(uv.DefaultExcludes);
        Assert.Equal("flask_shop-1.0.data", uv.DataFolder);
    }

    [Fact]
    public void Uv_ReadsEveryKey()
    {
        _project.Pyproject(UvHead + """
            [tool.uv.build-backend]
            module-root = ""
            module-name = ["acme.shop", "shop_cli"]
            namespace = true
            source-include = ["tests/**"]
            source-exclude = ["/docs/drafts", "*.bak"]
            wheel-exclude = ["*.sql"]
            default-excludes = false

            [tool.uv.build-backend.data]
            scripts = "bin"
            headers = "include/shop"
            """);

        var uv = LoadUv();

        Assert.Equal(string.Empty, uv.ModuleRoot);
        Assert.Equal(["acme.shop", "shop_cli"], uv.ModuleNames);
        Assert.True(uv.Namespace);
        Assert.Equal(["tests/**"], uv.SourceInclude);
        Assert.Equal(["/docs/drafts", "*.bak"], uv.SourceExclude);
        Assert.Equal(["*.sql"], uv.WheelExclude);
        Assert.False(uv.DefaultExcludes);
        Assert.Equal([new UvDataFolder("scripts", "bin"), new UvDataFolder("headers", "include/shop")], uv.Data);
    }

    [Fact]
    public void Uv_StubsProject_DefaultsToTheStubsModule()
    {
        _project.Pyproject(UvHead.Replace("Flask.Shop", "Flask.Shop-stubs", StringComparison.Ordinal));

        Assert.Equal(["flask_shop-stubs"], LoadUv().ModuleNames);
    }

    [Theory]
    [InlineData("module-name = \"my-app\"", "my-app")]
    [InlineData("source-include = [\"docs/**/*.md\", \"notes with space.txt\"]", "notes with space")]
    [InlineData("wheel-exclude = [\"../x\"]", "..")]
    [InlineData("module-root = \"../elsewhere\"", "../elsewhere")]
    public void Uv_InvalidValue_ErrorOnItsLine(string line, string named)
    {
        _project.Pyproject(UvHead + "[tool.uv.build-backend]\n" + line + "\n");

        Assert.Null(_project.Load());
        var error = _project.Diagnostics.Items.First(d => d.IsError);

        Assert.Equal(9, error.Line);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Fix);
    }

    [Fact]
    public void Uv_UnknownDataScheme_IsAnError()
    {
        _project.Pyproject(UvHead + "[tool.uv.build-backend.data]\ninclude = \"h\"\n");

        Assert.Contains("headers", _project.LoadError(DiagnosticCodes.UvBuildInvalid).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uv_NoDefaultLicenseFiles_OnlyLicenseFilesCount()
    {
        _project.Write("LICENSE", "MIT").Pyproject(UvHead);

        Assert.Empty(_project.LoadOk().LicenseFiles);
    }
}
