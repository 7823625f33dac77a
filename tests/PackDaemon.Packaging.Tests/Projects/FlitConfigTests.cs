using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Flit;

namespace PackDaemon.Packaging.Tests.Projects;

/// <summary>flit_core's pyproject.toml options and its dynamic version and description, as packd reads them.</summary>
public sealed class FlitConfigTests : IDisposable
{
    private const string Header = """
        [build-system]
        requires = ["flit_core>=3.4"]
        build-backend = "flit_core.buildapi"

        """;

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private TempProject Pyproject(string rest) => _project.Pyproject(Header + rest);

    [Fact]
    public void Load_DynamicDescription_IsTheDocstringsFirstLine()
    {
        _project.Write("flask_shop/__init__.py", "# header\n\"\"\"\n    The shop.\n\n    Details.\n\"\"\"\n__version__ = \"1.0\"\n");
        Pyproject("[project]\nname = \"flask-shop\"\ndynamic = [\"version\", \"description\"]\n");

        var loaded = _project.LoadOk();

        Assert.Equal("The shop.", loaded.Metadata.Summary);
        Assert.Equal("1.0", loaded.Version);
        Assert.Contains("flask_shop/__init__.py", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_DynamicDescription_NoDocstring_ErrorInTheModule()
    {
        _project.Write("flask_shop.py", "import os\n");
        Pyproject("[project]\nname = \"flask-shop\"\nversion = \"1\"\ndynamic = [\"description\"]\n");

        var error = _project.LoadError(DiagnosticCodes.FlitDocstringMissing);

        Assert.Equal("flask_shop.py", error.File);
        Assert.Contains("docstring", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ComputedVersion_ErrorAtTheBinding_SaysFlitWouldImport()
    {
        _project.Write("flask_shop/__init__.py", "\"\"\"Shop.\"\"\"\nfrom ._version import __version__\n");
        Pyproject("[project]\nname = \"flask-shop\"\ndynamic = [\"version\", \"description\"]\n");

        var error = _project.LoadError(DiagnosticCodes.FlitVersionNotLiteral);

        Assert.Equal((2, 23), (error.Line, error.Column));
        Assert.Contains("import", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModuleName_FromToolFlitModule()
    {
        _project.Write("shopd/__init__.py", "\"\"\"Shop daemon.\"\"\"\n__version__ = '2.0'\n");
        Pyproject("[project]\nname = \"shop-server\"\ndynamic = [\"version\", \"description\"]\n[tool.flit.module]\nname = \"shopd\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal("2.0", loaded.Version);
        Assert.Equal("shopd", Assert.IsType<FlitBuildOptions>(loaded.Selection.Backend).ModuleName);
    }

    [Fact]
    public void Load_BothLayouts_ErrorAtTheModuleSetting()
    {
        _project.Write("shopd/__init__.py", "__version__ = '1'\n").Write("src/shopd/__init__.py", "__version__ = '1'\n");
        Pyproject("[project]\nname = \"shop-server\"\ndynamic = [\"version\"]\ndescription = \"x\"\n[tool.flit.module]\nname = \"shopd\"\n");

        var error = _project.LoadError(DiagnosticCodes.FlitModuleAmbiguous);

        Assert.Equal(9, error.Line);
        Assert.Contains("shopd/, src/shopd/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SdistPatterns_AreNormalizedAndKept()
    {
        Pyproject("[project]\nname = \"app\"\nversion = \"1\"\ndescription = \"x\"\n[tool.flit.sdist]\ninclude = [\"docs/\", \"./tests//*.py\"]\nexclude = [\"docs/_build/\"]\n");

        var flit = Assert.IsType<FlitBuildOptions>(_project.LoadOk().Selection.Backend);

        Assert.True(flit.HasSdistTable);
        Assert.Equal(["docs", "tests/*.py"], flit.SdistInclude);
        Assert.Equal(["docs/_build"], flit.SdistExclude);
    }

    [Theory]
    [InlineData("include = [\"../outside\"]")]
    [InlineData("include = [\"..\"]")]
    [InlineData("exclude = [\"/abs\"]")]
    [InlineData("include = [\"C:\\\\x\"]")]
    [InlineData("includes = [\"docs\"]")]
    public void Load_BadSdistSetting_ErrorAtTheItem(string setting)
    {
        Pyproject($"[project]\nname = \"app\"\nversion = \"1\"\ndescription = \"x\"\n[tool.flit.sdist]\n{setting}\n");

        var error = _project.LoadError(DiagnosticCodes.FlitConfigInvalid);

        Assert.Equal(9, error.Line);
    }

    [Fact]
    public void Load_ExternalData_SetsTheWheelDataPrefix()
    {
        _project.Write("share/app.1", "man");
        Pyproject("[project]\nname = \"My.App\"\nversion = \"1.0.0\"\ndescription = \"x\"\n[tool.flit.external-data]\ndirectory = \"share/\"\n");

        var flit = Assert.IsType<FlitBuildOptions>(_project.LoadOk().Selection.Backend);

        Assert.Equal("share", flit.ExternalData);
        Assert.Equal("my_app-1.0.0.data/data/", flit.DataPrefix);
    }

    [Theory]
    [InlineData("\".\"")]
    [InlineData("\"../share\"")]
    [InlineData("\"missing\"")]
    public void Load_BadExternalData_Error(string directory)
    {
        Pyproject($"[project]\nname = \"app\"\nversion = \"1\"\ndescription = \"x\"\n[tool.flit.external-data]\ndirectory = {directory}\n");

        var error = _project.LoadError(DiagnosticCodes.FlitConfigInvalid);

        Assert.Equal(9, error.Line);
    }

    [Theory]
    [InlineData("[tool.flit.scripts]\napp = \"app:main\"\n", "old metadata format")]
    [InlineData("[tool.flit.unknown]\nx = 1\n", "Unexpected tables")]
    public void Load_TablesFlitRefuses_AreErrors(string table, string said)
    {
        Pyproject("[project]\nname = \"app\"\nversion = \"1\"\ndescription = \"x\"\n" + table);

        var error = _project.LoadError(DiagnosticCodes.FlitConfigInvalid);

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtensionTable_IsIgnored()
    {
        Pyproject("[project]\nname = \"app\"\nversion = \"1\"\ndescription = \"x\"\n[tool.flit.x-mine]\nanything = 1\n");

        Assert.IsType<FlitBuildOptions>(_project.LoadOk().Selection.Backend);
    }

    [Fact]
    public void Options_EqualByContent()
    {
        var a = new FlitBuildOptions("app", true, ["docs"], ["x"], null, "app-1.data/data/");
        var b = new FlitBuildOptions("app", true, new List<string> { "docs" }, new List<string> { "x" }, null, "app-1.data/data/");

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { SdistInclude = ["tests"] });
    }
}
