using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Setuptools;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>setuptools 66's file-selection rules, one rule per test; tests/conformance/setuptools checks them against setuptools itself.</summary>
public sealed class SetuptoolsSelectionTests : IDisposable
{
    private static readonly SetuptoolsBuildOptions s_defaults = new(null, null, [], null, [], [], true, [], []) { DataFolder = "app-1.0.data" };

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private (List<string> Wheel, List<string> Sdist, DiagnosticBag Diagnostics) Run(SetuptoolsBuildOptions? setuptools = null)
    {
        var options = _tree.Options(importName: "app") with { Backend = setuptools ?? s_defaults };
        var (selection, diagnostics) = TempTree.Select(options);
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist), diagnostics);
    }

    [Fact]
    public void FlatLayout_OnePackage_SubfoldersWithImportableNamesAreNamespacePackages()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/views/list.py", "app/my-data/skip.py", "tests/test_app.py", "docs/conf.py", "noxfile.py");

        var (wheel, sdist, diagnostics) = Run();

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["app/__init__.py", "app/views/list.py"], wheel);
        Assert.Equal(["app/__init__.py", "app/views/list.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void FlatLayout_TwoTopLevelPackages_IsRefusedNamingTheFix()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "helpers/__init__.py");

        var (_, _, diagnostics) = Run();

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.SetuptoolsFlatLayoutAmbiguous);
        Assert.Contains("app, helpers", error.Message, StringComparison.Ordinal);
        Assert.Contains("packages = [", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatLayout_NoPackage_TakesTheOneModule_ButNotReservedNames()
    {
        _tree.Files("pyproject.toml", "tool.py", "setup.py", "conftest.py", "manage.py", "_private.py");

        var (wheel, _, diagnostics) = Run();

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["tool.py"], wheel);
    }

    [Fact]
    public void SrcLayout_TakesEveryFolderAndTopLevelModule()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/data.json", "src/other/x.py", "src/single.py", "tools/x.py");

        var (wheel, _, _) = Run();

        Assert.Equal(["app/__init__.py", "other/x.py", "single.py"], wheel);
    }

    [Fact]
    public void FindClassic_NeedsInitPy_AndExcludeKeepsSearchingBelow()
    {
        _tree.Files("pyproject.toml", "lib/app/__init__.py", "lib/app/tests/__init__.py", "lib/app/tests/deep/__init__.py", "lib/ns/x.py");
        var find = new SetuptoolsPackageFind(["lib"], [], ["app.tests"], Namespaces: false);

        var (wheel, _, _) = Run(s_defaults with { Find = find });

        Assert.Equal(["app/__init__.py", "app/tests/deep/__init__.py"], wheel);
    }

    [Fact]
    public void PackageDir_MapsThePackageToItsFolder()
    {
        _tree.Files("pyproject.toml", "code/__init__.py", "code/core.py", "code/sub/__init__.py");
        var options = s_defaults with { Packages = ["app", "app.sub"], PackageDir = [new("app", "code")] };

        var (wheel, _, _) = Run(options);

        Assert.Equal(["app/__init__.py", "app/core.py", "app/sub/__init__.py"], wheel);
    }

    [Fact]
    public void PackageData_PythonGlob_StarSkipsHiddenFilesAndDoubleStarRecurses()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/t/a.html", "app/t/deep/b.html", "app/t/.hidden.html", "app/t/c.txt");
        var options = s_defaults with { Packages = ["app"], PackageData = [new("app", ["t/**/*.html"])], IncludePackageData = false };

        var (wheel, sdist, _) = Run(options);

        Assert.Equal(["app/__init__.py", "app/t/a.html", "app/t/deep/b.html"], wheel);
        Assert.Equal(["app/__init__.py", "app/t/a.html", "app/t/deep/b.html", "pyproject.toml"], sdist);
    }

    [Fact]
    public void ExcludePackageData_FnmatchStarCrossesFolders_AndAppliesToManifestFiles()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/d/a.json", "app/d/sub/b.tmp", "app/c.tmp")
            .File("MANIFEST.in", "graft app\n");
        var options = s_defaults with { Packages = ["app"], ExcludePackageData = [new("app", ["*.tmp"])] };

        var (wheel, sdist, _) = Run(options);

        Assert.Equal(["app/__init__.py", "app/d/a.json"], wheel);
        Assert.Contains("app/d/sub/b.tmp", sdist);
    }

    [Fact]
    public void IncludePackageDataFalse_ManifestFilesStayOutOfTheWheel()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/t/a.html").File("MANIFEST.in", "recursive-include app *.html\n");

        var (wheel, sdist, _) = Run(s_defaults with { Packages = ["app"], IncludePackageData = false });

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["MANIFEST.in", "app/__init__.py", "app/t/a.html", "pyproject.toml"], sdist);
    }

    [Fact]
    public void DataFilesAndScripts_GoUnderTheDataFolder()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "share/a.1", "share/b.1", "bin/run");
        var options = s_defaults with { Packages = ["app"], DataFiles = [new("share/man", ["share/*.1"])], ScriptFiles = ["bin/run"] };

        var (wheel, sdist, _) = Run(options);

        Assert.Equal(["app-1.0.data/data/share/man/a.1", "app-1.0.data/data/share/man/b.1", "app-1.0.data/scripts/run", "app/__init__.py"], wheel);
        Assert.Contains("bin/run", sdist);
        Assert.Contains("share/a.1", sdist);
    }

    [Fact]
    public void SdistDefaults_FirstReadmeOnly_TestFolderTests_SetupCfg()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "README.rst", "README.md", "test/test_a.py", "test/helper.py", "setup.cfg", "notes.txt");

        var (_, sdist, _) = Run(s_defaults with { Packages = ["app"] });

        Assert.Equal(["README.rst", "app/__init__.py", "pyproject.toml", "setup.cfg", "test/test_a.py"], sdist);
    }

    [Fact]
    public void Manifest_EveryCommand()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "A.txt", "B.txt", "ex/a.py", "ex/b.pyc.txt", "n/x.log", "n/y.md", "docs/i.rst", "docs/_b/o.html", "docs/.keep")
            .File("MANIFEST.in", "include *.txt\nexclude B.txt\nrecursive-include ex *.py *.txt\nrecursive-exclude ex *.pyc.txt\nglobal-include *.log *.md\nglobal-exclude *.md\ngraft docs\nprune docs/_b\n");

        var (_, sdist, _) = Run(s_defaults with { Packages = ["app"] });

        Assert.Equal(["A.txt", "MANIFEST.in", "app/__init__.py", "docs/.keep", "docs/i.rst", "ex/a.py", "n/x.log", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Manifest_LicenseAndReadmeComeAfterTheTemplate_SoExcludeCannotDropThem()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "LICENSE").File("MANIFEST.in", "exclude LICENSE\n");
        var options = _tree.Options(importName: "app") with { Backend = s_defaults with { Packages = ["app"] }, ReadmeAndLicenseFiles = ["LICENSE"] };

        var (selection, _) = TempTree.Select(options);

        Assert.Contains("LICENSE", TempTree.Paths(selection.Sdist));
    }

    [Fact]
    public void ManifestParser_ReportsBadLinesWithTheirNumber_AndSkipsThem()
    {
        var diagnostics = new DiagnosticBag();

        var commands = ManifestTemplate.Parse("# comment\ninclude a.txt  # trailing\ngraft\nfrobnicate x\nrecursive-include docs \\\n   *.rst *.txt\n", diagnostics);

        Assert.Equal(["include a.txt", "recursive-include docs *.rst *.txt"], commands.Select(static c => c.Text));
        Assert.Equal(5, commands[1].Line);
        Assert.Equal([3, 4], diagnostics.Items.Select(static d => d.Line));
        Assert.Contains("'graft' expects a single <dir_pattern>", diagnostics.Items[0].Message, StringComparison.Ordinal);
        Assert.Contains("unknown action 'frobnicate'", diagnostics.Items[1].Message, StringComparison.Ordinal);
        Assert.All(diagnostics.Items, static d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "d/a.txt", false)]
    [InlineData("**/*.txt", "d/e/a.txt", true)]
    [InlineData("d/**", "d/e/a.txt", true)]
    [InlineData("[a-c].txt", "b.txt", false)] // translate_pattern's classes hold no ranges
    [InlineData("[a-c].txt", "-.txt", true)]
    [InlineData("[!x].txt", "y.txt", true)]
    public void ManifestPattern_MatchesLikeSetuptoolsTranslatePattern(string pattern, string path, bool expected)
        => Assert.Equal(expected, SetuptoolsGlob.ManifestPattern(pattern).IsMatch(path));

    [Theory]
    [InlineData("d/*.txt", "d/e/a.txt", true)]
    [InlineData("[a-c].txt", "b.txt", true)]
    [InlineData("x?y", "x/y", true)]
    public void Fnmatch_StarAndQuestionCrossFolders(string pattern, string path, bool expected)
        => Assert.Equal(expected, SetuptoolsGlob.Fnmatch(pattern).IsMatch(path));
}
