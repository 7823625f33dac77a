using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class DynamicVersionTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private const string Flit = """
        [build-system]
        requires = ["flit_core>=3.4"]
        build-backend = "flit_core.buildapi"
        [project]
        name = "flask-shop"
        dynamic = ["version"]
        """;

    [Theory]
    [InlineData("flask_shop/__init__.py")]
    [InlineData("src/flask_shop/__init__.py")]
    [InlineData("flask_shop.py")]
    public void Load_FlitModule_ReadsDunderVersion(string module)
    {
        _project.Write(module, "\"\"\"Shop.\"\"\"\nimport os\n\n__version__ = \"2.0.0-rc.1\"  # bumped by release\n").Pyproject(Flit);

        var loaded = _project.LoadOk();

        Assert.Equal("2.0.0rc1", loaded.Version);
        Assert.Equal(module, loaded.MetadataInputs[^1]);
        Assert.Contains(module, loaded.Selection.SdistRequiredFiles);
    }

    [Theory]
    [InlineData("__version__ = '1.4'")]
    [InlineData("__version__: str = \"1.4\"")]
    [InlineData("__version__ :Final[str]= '1.4'")]
    public void Load_FlitModule_AcceptsQuoteStylesAndAnnotations(string assignment)
    {
        _project.Write("flask_shop/__init__.py", "def f():\n    __version__ = '9'\n" + assignment + "\n").Pyproject(Flit);

        Assert.Equal("1.4", _project.LoadOk().Version);
    }

    [Fact]
    public void Load_FlitComputedVersion_ErrorAtAssignmentSuggestsLiteral()
    {
        _project.Write("flask_shop/__init__.py", "import importlib.metadata\n__version__ = importlib.metadata.version('x')\n").Pyproject(Flit);

        var error = _project.LoadError(DiagnosticCodes.FlitVersionNotLiteral);

        Assert.Equal("flask_shop/__init__.py", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("literal", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FlitModuleMissing_ListsWhereItLooked()
    {
        _project.Pyproject(Flit);

        var error = _project.LoadError(DiagnosticCodes.FlitModuleNotFound);

        Assert.Contains("src/flask_shop/", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Load_HatchVersionPath_ReadsDefaultPattern()
    {
        _project.Write("src/shop/__about__.py", "__version__ = \"0.3.0\"\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.hatch.version]
            path = "src/shop/__about__.py"
            """);

        var loaded = _project.LoadOk();

        Assert.Equal("0.3.0", loaded.Version);
        Assert.Contains("src/shop/__about__.py", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_HatchVersionCustomPattern_UsesVersionGroup()
    {
        _project.Write("shop/version.py", "# x\nRELEASE = 'v1.7.2'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.hatch.version]
            path = "shop/version.py"
            pattern = "^RELEASE = 'v(?P<version>[^']+)'"
            """);

        Assert.Equal("1.7.2", _project.LoadOk().Version);
    }

    [Fact]
    public void Load_HatchVersionPatternThatBacktracksForever_IsADiagnosticNotACrash()
    {
        _project.Write("shop/version.py", new string('a', 40) + "\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.hatch.version]
            path = "shop/version.py"
            pattern = "(a+)+b(?P<version>x)"
            """);

        var error = _project.LoadError(DiagnosticCodes.DynamicVersionNotFound);

        Assert.Contains("backtracks", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Line);
    }

    [Fact]
    public void Load_HatchVersionPatternInvalidVersion_PointsIntoTheFile()
    {
        _project.Write("shop/version.py", "# x\nRELEASE = 'vbad version'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.hatch.version]
            path = "shop/version.py"
            pattern = "^RELEASE = 'v(?P<version>[^']+)'"
            """);

        var error = _project.LoadError(DiagnosticCodes.VersionInvalid);

        Assert.Equal("shop/version.py", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(13, error.Column);
    }

    [Fact]
    public void Load_HatchVcsSource_SaysPluginNotRun()
    {
        _project.Pyproject("[project]\nname = \"shop\"\ndynamic = [\"version\"]\n[tool.hatch.version]\nsource = \"vcs\"\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicUnsupported);

        Assert.Contains("hatch-vcs", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Theory]
    [InlineData("shop/__init__.py")]
    [InlineData("src/shop/__init__.py")]
    [InlineData("src/shop.py")]
    public void Load_SetuptoolsAttr_FindsModuleInFlatAndSrcLayouts(string file)
    {
        _project.Write(file, "VERSION = '3.1'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "shop.VERSION"}
            """);

        var loaded = _project.LoadOk();

        Assert.Equal("3.1", loaded.Version);
        Assert.Contains(file, loaded.MetadataInputs);
    }

    [Fact]
    public void Load_SetuptoolsAttrSubmodule_Resolved()
    {
        _project.Write("src/shop/about.py", "__version__ = '3.2'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "shop.about.__version__"}
            """);

        Assert.Equal("3.2", _project.LoadOk().Version);
    }

    [Fact]
    public void Load_SetuptoolsAttrComputed_Error()
    {
        _project.Write("shop/__init__.py", "__version__ = '.'.join(['1', '0'])\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "shop.__version__"}
            """);

        var error = _project.LoadError(DiagnosticCodes.DynamicVersionComputed);

        Assert.Equal("shop/__init__.py", error.File);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Load_SetuptoolsFile_ReadsTrimmedVersionFile()
    {
        _project.Write("VERSION", "4.0.0\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {file = "VERSION"}
            """);

        var loaded = _project.LoadOk();

        Assert.Equal("4.0.0", loaded.Version);
        Assert.Equal(["pyproject.toml", "VERSION"], loaded.MetadataInputs);
    }

    [Fact]
    public void Load_DynamicVersionWithoutSource_NamesTheProvider()
    {
        _project.Pyproject("[project]\nname = \"shop\"\ndynamic = [\"version\"]\n[tool.setuptools_scm]\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicUnsupported);

        Assert.Contains("setuptools-scm", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Equal(12, error.Column);
    }

    [Fact]
    public void Load_SetuptoolsAttrWithPackageDirRoot_LooksThere()
    {
        _project.Write("lib/shop/__init__.py", "__version__ = '5.0'\n").Write("shop/__init__.py", "__version__ = '0.0'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.package-dir]
            "" = "lib"
            [tool.setuptools.dynamic]
            version = {attr = "shop.__version__"}
            """);

        Assert.Equal("5.0", _project.LoadOk().Version);
    }

    [Fact]
    public void Load_SetuptoolsAttrAssignmentMissing_PointsAtModule()
    {
        _project.Write("shop/__init__.py", "def version():\n    __version__ = '1'\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {attr = "shop.__version__"}
            """);

        var error = _project.LoadError(DiagnosticCodes.DynamicVersionNotFound);

        Assert.Equal("shop/__init__.py", error.File);
        Assert.Contains("__version__", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VersionFileInvalid_PointsAtTheFile()
    {
        _project.Write("VERSION", "not-a-version\n").Pyproject("""
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.setuptools.dynamic]
            version = {file = "VERSION"}
            """);

        var error = _project.LoadError(DiagnosticCodes.VersionInvalid);

        Assert.Equal("VERSION", error.File);
        Assert.Equal(1, error.Line);
    }
}
