using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Pdm;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>pdm-backend's file-selection rules (pdm/backend/base.py, wheel.py, sdist.py), one rule per test; the
/// expected-list fixtures in tests/conformance/pdm-backend check whole projects.</summary>
public sealed class PdmSelectionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static PdmBuildOptions Pdm(
        string[]? includes = null, string[]? excludes = null, string[]? sourceIncludes = null, string packageDir = "", PdmWheelData[]? wheelData = null)
        => new(includes ?? [], excludes ?? [], sourceIncludes ?? [], packageDir, wheelData ?? [], "app-1.0.data");

    private (List<string> Wheel, List<string> Sdist, DiagnosticBag Diagnostics) Select(PdmBuildOptions pdm, string[]? readmeAndLicenses = null)
    {
        var options = _tree.Options() with { Backend = pdm, ReadmeAndLicenseFiles = readmeAndLicenses ?? [] };
        var (selection, diagnostics) = TempTree.Select(options);
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist), diagnostics);
    }

    [Fact]
    public void Default_TopLevelPackagesWithTheirData_TestsInTheSdistOnly()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/static/site.css", "app/templates/base.html", "tests/test_app.py", "docs/index.md", "setup_helper.py");

        var (wheel, sdist, diagnostics) = Select(Pdm());

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["app/__init__.py", "app/static/site.css", "app/templates/base.html"], wheel);
        Assert.Equal(["app/__init__.py", "app/static/site.css", "app/templates/base.html", "pyproject.toml", "tests/test_app.py"], sdist);
    }

    [Fact]
    public void Default_NoPackage_TakesTheTopLevelModulesOnly()
    {
        _tree.Files("pyproject.toml", "tool.py", "helper.py", "scripts/run.py", "tests/test_tool.py");

        var (wheel, _, _) = Select(Pdm());

        Assert.Equal(["helper.py", "tool.py"], wheel);
    }

    [Fact]
    public void PackageDir_IsStrippedInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/data.json", "src/conftest.py");

        var (wheel, sdist, _) = Select(Pdm(packageDir: "src"));

        Assert.Equal(["app/__init__.py", "app/data.json"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py", "src/app/data.json"], sdist);
    }

    [Fact]
    public void Default_SkipsPycacheAndFoldersWithoutInit()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "notes/readme.txt", "__pypackages__/x/__init__.py");

        var (wheel, _, _) = Select(Pdm());

        Assert.Equal(["app/__init__.py"], wheel);
    }

    [Fact]
    public void Includes_ReplaceTheDefault_AndAFolderGivesItsHiddenFilesToo()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "ns/pkg/__init__.py", "ns/pkg/.keep", "data/a.json", "data/b.txt");

        var (wheel, _, _) = Select(Pdm(includes: ["ns/", "data/*.json"]));

        Assert.Equal(["data/a.json", "ns/pkg/.keep", "ns/pkg/__init__.py"], wheel);
    }

    [Fact]
    public void Includes_WildcardsSkipDotNames_AsPythonGlobDoes()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/.hidden.json", "app/visible.json");

        var (wheel, _, _) = Select(Pdm(includes: ["app/__init__.py", "app/*.json"]));

        Assert.Equal(["app/__init__.py", "app/visible.json"], wheel);
    }

    [Fact]
    public void Excludes_MorePathPartsWin_SoADeepExcludeBeatsAFolderInclude()
    {
        _tree.Files("pyproject.toml", "src/foo/__init__.py", "src/foo/data.json");

        var (wheel, _, _) = Select(Pdm(includes: ["src"], excludes: ["**/*.json"]));

        Assert.Equal(["src/foo/__init__.py"], wheel);
    }

    [Fact]
    public void Includes_AMoreSpecificIncludeBeatsAnExclude()
    {
        _tree.Files("pyproject.toml", "src/foo/__init__.py", "src/foo/data.json", "src/foo/other.json");

        var (wheel, _, _) = Select(Pdm(includes: ["src", "src/foo/data.json"], excludes: ["**/*.json"]));

        Assert.Equal(["src/foo/__init__.py", "src/foo/data.json"], wheel);
    }

    [Fact]
    public void Excludes_ATieGoesToTheExclude()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/a.txt");

        var (wheel, _, _) = Select(Pdm(includes: ["app/*.txt", "app/__init__.py"], excludes: ["app/*.txt"]));

        Assert.Equal(["app/__init__.py"], wheel);
    }

    [Fact]
    public void Excludes_AFolderExcludesEverythingBelowIt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/fixtures/big.bin", "app/fixtures/deep/x.bin");

        var (wheel, sdist, _) = Select(Pdm(excludes: ["app/fixtures"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.DoesNotContain("app/fixtures/big.bin", sdist);
    }

    [Fact]
    public void SourceIncludes_ReplaceTests_AndStayOutOfTheWheel()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "tests/test_a.py", "scripts/release.sh", "CHANGELOG.md");

        var (wheel, sdist, _) = Select(Pdm(sourceIncludes: ["scripts/", "CHANGELOG.md"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["CHANGELOG.md", "app/__init__.py", "pyproject.toml", "scripts/release.sh"], sdist);
    }

    [Fact]
    public void SourceIncludes_InsideAPackage_AreCutFromTheWheel()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/dev/seed.sql");

        var (wheel, sdist, _) = Select(Pdm(sourceIncludes: ["app/dev"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Contains("app/dev/seed.sql", sdist);
    }

    [Fact]
    public void Sdist_AlwaysCarriesReadmeAndLicenses_ButNotOtherRootFiles()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "README.md", "LICENSE", "tox.ini");

        var (_, sdist, _) = Select(Pdm(), ["README.md", "LICENSE"]);

        Assert.Equal(["LICENSE", "README.md", "app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void WheelData_FlattensWithoutRelativeTo_AndKeepsTheTreeWithIt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "bin/run", "headers/a/x.h", "share/man/man1/app.1");

        var (wheel, sdist, _) = Select(Pdm(wheelData:
        [
            new PdmWheelData("scripts", "bin/*", null),
            new PdmWheelData("include", "headers/**/*.h", null),
            new PdmWheelData("data", "share/**/*", ""),
        ]));

        Assert.Equal(
            ["app-1.0.data/data/share/man/man1/app.1", "app-1.0.data/include/x.h", "app-1.0.data/scripts/run", "app/__init__.py"],
            wheel.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("bin/run", sdist);
    }

    [Fact]
    public void WheelData_RelativeToAFolder_DropsThatFolder()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "headers/a/x.h");

        var (wheel, _, _) = Select(Pdm(wheelData: [new PdmWheelData("include", "headers/**/*.h", "headers")]));

        Assert.Contains("app-1.0.data/include/a/x.h", wheel);
    }

    [Fact]
    public void WheelData_AFileOutsideRelativeTo_IsAnError()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "other/x.h");

        var (_, _, diagnostics) = Select(Pdm(wheelData: [new PdmWheelData("include", "other/*.h", "headers")]));

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.PdmBuildInvalid && d.Message.Contains("other/x.h", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIncludeMatchingNothing_Warns()
    {
        _tree.Files("pyproject.toml", "app/__init__.py");

        var (_, _, diagnostics) = Select(Pdm(includes: ["app/", "assets/"]));

        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PdmPatternMatchesNothing);
        Assert.Contains("assets/", warning.Message, StringComparison.Ordinal);
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void NothingForTheWheel_IsAnErrorNotAnEmptyWheel()
    {
        _tree.Files("pyproject.toml", "README.md", "tests/test_x.py");

        var (_, _, diagnostics) = Select(Pdm());

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.NoPackageFound);
    }

    [Fact]
    public void Explain_NamesThePdmRule()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "tests/test_a.py");
        var options = _tree.Options() with { Backend = Pdm() };

        var explanation = FileSelector.Explain(options, "tests/test_a.py");

        Assert.False(explanation.InWheel);
        Assert.Contains("pdm-backend", explanation.WheelReason, StringComparison.Ordinal);
        Assert.True(explanation.InSdist);
        Assert.Contains("`tests`", explanation.SdistReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_EqualWhenTheListsHoldTheSameItems()
    {
        Assert.Equal(Pdm(includes: ["a"], wheelData: [new PdmWheelData("data", "x/*", null)]), Pdm(includes: ["a"], wheelData: [new PdmWheelData("data", "x/*", null)]));
        Assert.NotEqual(Pdm(includes: ["a"]), Pdm(includes: ["b"]));
    }
}
