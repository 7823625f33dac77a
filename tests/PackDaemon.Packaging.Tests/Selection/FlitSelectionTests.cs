using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Flit;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>flit_core 3.8's file-selection rules, one rule per test; the differential suite checks them against flit itself.</summary>
public sealed class FlitSelectionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static FlitBuildOptions Flit(string module = "app", string[]? include = null, string[]? exclude = null, bool sdistTable = false, string? data = null)
        => new(module, sdistTable || include is not null || exclude is not null, include ?? [], exclude ?? [], data, "app-1.0.data/data/");

    private (FileSelection Selection, DiagnosticBag Diagnostics) Run(FlitBuildOptions flit, string[]? readmeAndLicenses = null)
    {
        var options = _tree.Options() with { Backend = flit, ReadmeAndLicenseFiles = readmeAndLicenses ?? [] };
        return TempTree.Select(options);
    }

    private (List<string> Wheel, List<string> Sdist) Select(FlitBuildOptions flit, string[]? readmeAndLicenses = null)
    {
        var (selection, diagnostics) = Run(flit, readmeAndLicenses);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void Package_TakesTheWholeFolder_DataFilesAndHiddenFilesToo_IgnoringGitIgnore()
    {
        _tree.File(".gitignore", "*.log\n")
            .Files("pyproject.toml", "app/__init__.py", "app/templates/base.html", "app/static/.keep", "app/debug.log", "other/x.py", "top.py");

        var (wheel, sdist) = Select(Flit());

        Assert.Equal(["app/__init__.py", "app/debug.log", "app/static/.keep", "app/templates/base.html"], wheel);
        Assert.Equal(["app/__init__.py", "app/debug.log", "app/static/.keep", "app/templates/base.html", "pyproject.toml"], sdist);
    }

    [Fact]
    public void SrcLayout_StripsSrcInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/py.typed", "src/other.py");

        var (wheel, sdist) = Select(Flit());

        Assert.Equal(["app/__init__.py", "app/py.typed"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py", "src/app/py.typed"], sdist);
    }

    [Theory]
    [InlineData("app.py", "app.py")]
    [InlineData("src/app.py", "app.py")]
    public void SingleFileModule_IsTheOnlyPayload(string path, string inWheel)
    {
        _tree.Files("pyproject.toml", path, "helper.py", "README.md");

        var (wheel, sdist) = Select(Flit(), ["README.md"]);

        Assert.Equal([inWheel], wheel);
        Assert.Equal(new[] { path, "README.md", "pyproject.toml" }.Order(StringComparer.Ordinal), sdist);
    }

    [Fact]
    public void DottedModuleName_IsAModuleInsideANamespacePackage()
    {
        _tree.Files("pyproject.toml", "acme/plugins/__init__.py", "acme/plugins/icon.svg", "acme/other/__init__.py");

        var (wheel, _) = Select(Flit("acme.plugins"));

        Assert.Equal(["acme/plugins/__init__.py", "acme/plugins/icon.svg"], wheel);
    }

    [Fact]
    public void NoModule_ErrorNamesEveryPlaceLookedAndTheSetting()
    {
        _tree.Files("pyproject.toml", "application/__init__.py");

        var (_, diagnostics) = Run(Flit());

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.FlitModuleNotFound);
        Assert.Contains("app/, app.py, src/app/, src/app.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("[tool.flit.module]", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app/__init__.py", "app.py")]
    [InlineData("app/__init__.py", "src/app/__init__.py")]
    [InlineData("app.py", "src/app.py")]
    public void TwoCandidates_AreAnError_NamingBoth(string first, string second)
    {
        _tree.Files("pyproject.toml", first, second);

        var (_, diagnostics) = Run(Flit());

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.FlitModuleAmbiguous);
        Assert.Contains(first.Replace("/__init__.py", "/", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Contains(second.Replace("/__init__.py", "/", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalData_GoesUnderTheDataFolderOfTheWheel_AndIntoTheSdist()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/man/man1/app.1", "share/.keep");

        var (wheel, sdist) = Select(Flit(data: "share"));

        Assert.Equal(["app-1.0.data/data/.keep", "app-1.0.data/data/man/man1/app.1", "app/__init__.py"], wheel);
        Assert.Contains("share/man/man1/app.1", sdist);
    }

    [Fact]
    public void NoSdistTable_TheSdistIsTheModuleAndTheMetadataFiles()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "README.md", "LICENSE", "docs/index.md", "tests/test_app.py", "CHANGES.rst");

        var (_, sdist) = Select(Flit(), ["README.md", "LICENSE"]);

        Assert.Equal(["LICENSE", "README.md", "app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void SdistInclude_FolderTakesHiddenFiles_WildcardsSkipThem_LiteralNamesMayBeHidden()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "docs/index.md", "docs/.nojekyll", "docs/api/ref.md",
            "scripts/run.sh", "scripts/.hidden", ".editorconfig", "tests/unit/test_a.py", "tests/.cache/b.py", "tests/top.py");

        var (_, sdist) = Select(Flit(include: ["docs", "scripts/*", ".editorconfig", "tests/**/*.py"]));

        Assert.Equal([".editorconfig", "app/__init__.py", "docs/.nojekyll", "docs/api/ref.md", "docs/index.md", "pyproject.toml",
            "scripts/run.sh", "tests/top.py", "tests/unit/test_a.py"], sdist);
    }

    [Fact]
    public void SdistExclude_WinsOverInclude_AndRemovesModuleFiles()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/scratch.tmp", "docs/index.md", "docs/_build/out.html");

        var (selection, _) = Run(Flit(include: ["docs/**"], exclude: ["docs/_build", "app/*.tmp"]));

        Assert.Equal(["app/__init__.py", "docs/index.md", "pyproject.toml"], TempTree.Paths(selection.Sdist));
        Assert.Equal(["app/__init__.py", "app/scratch.tmp"], TempTree.Paths(selection.Wheel));
        var explained = FileSelector.Explain(_tree.Options() with { Backend = Flit(include: ["docs/**"], exclude: ["docs/_build", "app/*.tmp"]) }, "docs/_build/out.html");
        Assert.Contains("exclude 'docs/_build'", explained.SdistReason, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleStarInsideAComponent_IsASingleStar_AtTheTopOnly()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/run.log", "top.log");

        var (_, sdist) = Select(Flit(include: ["top.log"], exclude: ["**.log"]));

        // flit's own default exclude "**.pyc" has the same shape: it only reaches the top folder.
        Assert.Equal(["app/__init__.py", "app/run.log", "pyproject.toml"], sdist);
    }

    [Fact]
    public void ExcludingACrucialFile_IsAnError()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "README.md");

        var (_, diagnostics) = Run(Flit(exclude: ["*.md"]), ["README.md"]);

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.FlitCrucialFileExcluded);
        Assert.Contains("README.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SaysWhichFlitRuleTookOrLeftAFile()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "notes.txt");
        var options = _tree.Options() with { Backend = Flit() };

        var inModule = FileSelector.Explain(options, "app/__init__.py");
        var outside = FileSelector.Explain(options, "notes.txt");

        Assert.Contains("flit_core rules", inModule.WheelReason, StringComparison.Ordinal);
        Assert.False(outside.InWheel);
        Assert.Contains("only the module app/", outside.WheelReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs/", "docs")]
    [InlineData("./docs//api/", "docs/api")]
    [InlineData("a/../b", "b")]
    [InlineData("..", "..")]
    [InlineData("./", ".")]
    public void Normalize_IsPythonsNormpath(string pattern, string expected)
        => Assert.Equal(expected, FlitGlob.Normalize(pattern));

    [Theory]
    [InlineData("*.py", "a.py", true)]
    [InlineData("*.py", ".a.py", true)]
    [InlineData("[!a]*", "b", true)]
    [InlineData("[!a]*", "a", false)]
    [InlineData("[]]", "]", true)]
    [InlineData("[a", "[a", true)]
    [InlineData("?.txt", "ab.txt", false)]
    public void FnMatch_IsPythonsTranslation(string pattern, string name, bool matches)
        => Assert.Equal(matches, FlitGlob.FnMatch(pattern).IsMatch(name));
}
