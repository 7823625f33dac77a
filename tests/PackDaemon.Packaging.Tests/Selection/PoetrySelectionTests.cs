using System.ComponentModel;
using System.Diagnostics;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Poetry;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>poetry-core 1.4's file-selection rules (poetry/core/masonry/builders/builder.py, sdist.py,
/// utils/module.py, package_include.py), one rule per test. Every expectation was checked by building the same tree with
/// Debian's poetry-core 1.4 (<c>poetry.core.masonry.api</c>); the cases in tests/conformance/poetry-core check whole
/// projects.</summary>
public sealed class PoetrySelectionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static PoetryBuildOptions Poetry(
        PoetryPackageSpec[]? packages = null, PoetryIncludeSpec[]? include = null, string[]? exclude = null, string[]? sdistExtras = null)
        => new("app", packages ?? [], include ?? [], exclude ?? [], sdistExtras ?? ["pyproject.toml"]);

    private static PoetryPackageSpec Package(string include, string from = "", params string[] formats) => new(include, from, formats);

    private static PoetryIncludeSpec Include(string path, params string[] formats) => new(path, formats);

    private (List<string> Wheel, List<string> Sdist, DiagnosticBag Diagnostics) Select(PoetryBuildOptions poetry)
    {
        var options = _tree.Options() with { Backend = poetry };
        var (selection, diagnostics) = TempTree.Select(options);
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist), diagnostics);
    }

    private static string Errors(DiagnosticBag diagnostics) => string.Join("\n", diagnostics.Items);

    [Fact]
    public void Default_PackageFolderNamedAfterTheProject_TakesTheWholeFolder_TestsStayOut()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/templates/base.html", "app/.hidden", "tests/test_app.py", "tox.ini");

        var (wheel, sdist, diagnostics) = Select(Poetry());

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app/.hidden", "app/__init__.py", "app/templates/base.html"], wheel);
        Assert.Equal(["app/.hidden", "app/__init__.py", "app/templates/base.html", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Default_ModuleNamedAfterTheProject()
    {
        _tree.Files("pyproject.toml", "app.py", "other.py");

        var (wheel, sdist, diagnostics) = Select(Poetry());

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app.py"], wheel);
        Assert.Equal(["app.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Default_SrcPackage_IsStrippedOfSrcInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/data.json", "src/conftest.py");

        var (wheel, sdist, diagnostics) = Select(Poetry());

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app/__init__.py", "app/data.json"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py", "src/app/data.json"], sdist);
    }

    [Fact]
    public void Default_SrcModule()
    {
        _tree.Files("pyproject.toml", "src/app.py", "other.py");

        var (wheel, sdist, _) = Select(Poetry());

        Assert.Equal(["app.py"], wheel);
        Assert.Equal(["pyproject.toml", "src/app.py"], sdist);
    }

    [Fact]
    public void Default_RootPackageWins_SrcIsNotLookedAt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "src/app/__init__.py");

        var (wheel, sdist, diagnostics) = Select(Poetry());

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Theory]
    [InlineData("")]
    [InlineData("src/")]
    public void Default_BothPackageFolderAndModule_IsAnError(string prefix)
    {
        _tree.Files("pyproject.toml", prefix + "app/__init__.py", prefix + "app.py");

        var (_, _, diagnostics) = Select(Poetry());

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PoetrySelectionInvalid);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains($"{prefix}app/ and {prefix}app.py", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_NothingNamedAfterTheProject_IsNoPackageFound()
    {
        _tree.Files("pyproject.toml", "other/__init__.py", "tool.py");

        var (_, _, diagnostics) = Select(Poetry());

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.NoPackageFound);
        Assert.Contains("src/app/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_ReplaceTheDefault()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "other/__init__.py", "other/data.txt");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("other")]));

        Assert.Equal(["other/__init__.py", "other/data.txt"], wheel);
        Assert.Equal(["other/__init__.py", "other/data.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_GlobInclude_TakesOnlyTheMatchedFiles()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/m.py", "app/d.txt", "app/sub/x.py");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("app/*.py")]));

        Assert.Equal(["app/__init__.py", "app/m.py"], wheel);
        Assert.Equal(["app/__init__.py", "app/m.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_GlobMatchingAFolder_PutsThatFolderInTheSdistOnly()
    {
        // find_files_to_add walks a folder element only for the entry's formats, which default to ["sdist"].
        _tree.Files("pyproject.toml", "app/__init__.py", "app/x.txt", "app_cli.py");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("app*")]));

        Assert.Equal(["app_cli.py"], wheel);
        Assert.Equal(["app/__init__.py", "app/x.txt", "app_cli.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_From_IsStrippedInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "lib/app/__init__.py", "lib/app/sub/d.txt", "lib/other.py");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("app", from: "lib")]));

        Assert.Equal(["app/__init__.py", "app/sub/d.txt"], wheel);
        Assert.Equal(["lib/app/__init__.py", "lib/app/sub/d.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_FormatSdist_KeepsThePackageOutOfTheWheel()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "extra/__init__.py");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("app"), Package("extra", "", "sdist")]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["app/__init__.py", "extra/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_FormatWheel_KeepsThePackageOutOfTheSdist()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "extra/__init__.py", "extra/sub/y.py");

        var (wheel, sdist, _) = Select(Poetry(packages: [Package("app"), Package("extra", "", "wheel")]));

        Assert.Equal(["app/__init__.py", "extra/__init__.py", "extra/sub/y.py"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Packages_AnEntryMatchingNothing_IsAnError()
    {
        _tree.Files("pyproject.toml", "app/__init__.py");

        var (_, _, diagnostics) = Select(Poetry(packages: [Package("missing")]));

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PoetrySelectionInvalid);
        Assert.Contains("matches nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_AFolderWithoutAnyPyFile_IsNotAPackage()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "data/a.txt");

        var (_, _, diagnostics) = Select(Poetry(packages: [Package("data")]));

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PoetrySelectionInvalid);
        Assert.Contains("no .py file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Packages_AStubOnlyPackage_NeedsNoPyFile()
    {
        _tree.Files("pyproject.toml", "app-stubs/__init__.pyi", "app-stubs/py.typed");

        var (wheel, _, diagnostics) = Select(Poetry(packages: [Package("app-stubs")]));

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app-stubs/__init__.pyi", "app-stubs/py.typed"], wheel);
    }

    [Fact]
    public void Packages_AStubPackageHoldingOtherFiles_IsNotAPackage()
    {
        // is_stub_only: the name ends in -stubs AND every file is a .pyi or py.typed.
        _tree.Files("pyproject.toml", "app-stubs/__init__.pyi", "app-stubs/notes.txt");

        var (_, _, diagnostics) = Select(Poetry(packages: [Package("app-stubs")]));

        Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.PoetrySelectionInvalid);
    }

    [Fact]
    public void Packages_AGlobInsideAStubPackage_NeedsNoPyFile()
    {
        // For a glob, the package name is the first match's parent folder (app-stubs), not the pattern.
        _tree.Files("pyproject.toml", "app-stubs/__init__.pyi", "app-stubs/m.pyi");

        var (wheel, _, diagnostics) = Select(Poetry(packages: [Package("app-stubs/*.pyi")]));

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app-stubs/__init__.pyi", "app-stubs/m.pyi"], wheel);
    }

    [Fact]
    public void Packages_ASingleFile_IsAModuleWhateverItsSuffix()
    {
        _tree.Files("pyproject.toml", "tool.sh");

        var (wheel, sdist, diagnostics) = Select(Poetry(packages: [Package("tool.sh")]));

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["tool.sh"], wheel);
        Assert.Equal(["pyproject.toml", "tool.sh"], sdist);
    }

    [Fact]
    public void Include_AFile_GoesInBothArtifacts()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "notes.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("notes.txt")]));

        Assert.Equal(["app/__init__.py", "notes.txt"], wheel);
        Assert.Equal(["app/__init__.py", "notes.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Include_AFolder_GoesInTheSdistOnly()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "data/a.txt", "data/sub/b.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("data")]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["app/__init__.py", "data/a.txt", "data/sub/b.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Include_AFolderRestrictedToTheWheel_GoesInTheWheelOnly()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "wdata/c.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("wdata", "wheel")]));

        Assert.Equal(["app/__init__.py", "wdata/c.txt"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Include_AFileRestrictedToOneFormat_StaysOutOfTheOther()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "s.txt", "w.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("s.txt", "sdist"), Include("w.txt", "wheel")]));

        Assert.Equal(["app/__init__.py", "w.txt"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml", "s.txt"], sdist);
    }

    [Fact]
    public void Include_AGlob_MatchesFilesAtTheDepthItNames()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "docs/a.md", "docs/deep/b.md", "docs/c.txt");

        var (wheel, _, _) = Select(Poetry(include: [Include("docs/*.md")]));

        Assert.Equal(["app/__init__.py", "docs/a.md"], wheel);
    }

    [Fact]
    public void Exclude_AGlob_RemovesPackageFiles_FromBothArtifacts()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/secret.txt", "app/ok.txt");

        var (wheel, sdist, _) = Select(Poetry(exclude: ["app/secret.txt"]));

        Assert.Equal(["app/__init__.py", "app/ok.txt"], wheel);
        Assert.Equal(["app/__init__.py", "app/ok.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_AFolder_ExcludesEverythingBelowIt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/fixtures/a.bin", "app/fixtures/deep/b.bin");

        var (wheel, sdist, _) = Select(Poetry(exclude: ["app/fixtures"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_RecursiveGlob_ReachesEveryDepth()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/a.json", "app/sub/deep/b.json", "app/sub/c.py");

        var (wheel, _, _) = Select(Poetry(exclude: ["**/*.json"]));

        Assert.Equal(["app/__init__.py", "app/sub/c.py"], wheel);
    }

    [Fact]
    public void Exclude_IsBeatenByAnIncludeMatchingTheSameFile()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/keep.txt", "app/drop.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("app/keep.txt")], exclude: ["app/*.txt"]));

        Assert.Equal(["app/__init__.py", "app/keep.txt"], wheel);
        Assert.Equal(["app/__init__.py", "app/keep.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_IsBeatenByARestrictedIncludeOnlyInThatFormat()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/keep.txt", "app/drop.txt");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("app/keep.txt", "wheel")], exclude: ["app/*.txt"]));

        Assert.Equal(["app/__init__.py", "app/keep.txt"], wheel);
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_StillAppliesInsideAnIncludedFolder()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "data/a.txt", "data/b.txt");

        var (_, sdist, _) = Select(Poetry(include: [Include("data")], exclude: ["data/b.txt"]));

        Assert.Equal(["app/__init__.py", "data/a.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_DoesNotApplyToFilesAnIncludeNamesBelowAnExcludedFolder()
    {
        // The folder stays excluded, but include's file elements are not checked against the exclusions at all.
        _tree.Files("pyproject.toml", "app/__init__.py", "data/a.txt", "data/b.bin");

        var (wheel, sdist, _) = Select(Poetry(include: [Include("data/*.txt")], exclude: ["data"]));

        Assert.Equal(["app/__init__.py", "data/a.txt"], wheel);
        Assert.Equal(["app/__init__.py", "data/a.txt", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Exclude_OfAFromPackageWithAnExplicitWheelFormat_IsCheckedAgainstTheStrippedPathInSubfolders()
    {
        // poetry-core 1.4 quirk: with format = "wheel", the package's sub-folders are walked for the wheel and their files
        // checked as `app/sub/x.txt`, which never equals the excluded `src/app/sub/x.txt`; top-level files are checked
        // with their project path, so their exclusion holds.
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/sub/x.txt", "src/app/top.txt");

        var (wheel, sdist, _) = Select(Poetry(
            packages: [Package("app", "src", "wheel"), Package("app", "src", "sdist")],
            exclude: ["src/app/sub/x.txt", "src/app/top.txt"]));

        Assert.Equal(["app/__init__.py", "app/sub/x.txt"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py"], sdist);
    }

    [Fact]
    public void SdistExtras_GoInTheSdistOnly_EvenWhenExcluded()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "README.md", "LICENSE", "LICENSE.apache", "CHANGELOG.md");

        var (wheel, sdist, _) = Select(Poetry(exclude: ["README.md", "LICENSE*"], sdistExtras: ["pyproject.toml", "README.md", "LICENSE", "LICENSE.apache"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["LICENSE", "LICENSE.apache", "README.md", "app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void SdistExtras_ThatDoNotExist_AreSkipped()
    {
        _tree.Files("pyproject.toml", "app/__init__.py");

        var (_, sdist, diagnostics) = Select(Poetry(sdistExtras: ["pyproject.toml", "README.md"]));

        Assert.False(diagnostics.HasErrors, Errors(diagnostics));
        Assert.Equal(["app/__init__.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void PycacheAndPyc_StayOutOfTheWheel()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/y.pyc", "app/__pycache__/x.cpython-311.pyc", "app/sub/m.py", "app/sub/__pycache__/m.cpython-311.pyc");

        var (wheel, _, _) = Select(Poetry());

        Assert.Equal(["app/__init__.py", "app/sub/m.py"], wheel);
    }

    [Fact]
    public void GitIgnoredFiles_AreKeptOutsideAGitWorkTree()
    {
        _tree.File(".gitignore", "*.log\n").Files("pyproject.toml", "app/__init__.py", "app/a.log");

        var (wheel, _, _) = Select(Poetry());

        Assert.Equal(["app/__init__.py", "app/a.log"], wheel);
    }

    [Fact]
    public void GitIgnoredFiles_AreExcludedFromPackagesInsideAGitWorkTree_UnlessIncluded()
    {
        _tree.File(".gitignore", "*.log\ngen/\nREADME.md\n")
            .Files("pyproject.toml", "app/__init__.py", "app/a.log", "app/inc.log", "app/gen/x.py", "README.md");
        if (!GitInit())
        {
            Assert.Skip("git is not installed");
        }

        var (wheel, sdist, _) = Select(Poetry(include: [Include("app/inc.log")], sdistExtras: ["pyproject.toml", "README.md"]));

        Assert.Equal(["app/__init__.py", "app/inc.log"], wheel);
        Assert.Equal(["README.md", "app/__init__.py", "app/inc.log", "pyproject.toml"], sdist);
    }

    [Fact]
    public void Explain_NamesThePoetryRule()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "tests/test_a.py");
        var options = _tree.Options() with { Backend = Poetry() };

        var explanation = FileSelector.Explain(options, "tests/test_a.py");

        Assert.False(explanation.InWheel);
        Assert.Contains("poetry-core", explanation.WheelReason, StringComparison.Ordinal);
        Assert.False(explanation.InSdist);
    }

    [Fact]
    public void Options_EqualWhenTheListsHoldTheSameItems()
    {
        Assert.Equal(Poetry(packages: [Package("app", "src", "wheel")], include: [Include("a", "sdist")]), Poetry(packages: [Package("app", "src", "wheel")], include: [Include("a", "sdist")]));
        Assert.NotEqual(Poetry(include: [Include("a", "sdist")]), Poetry(include: [Include("a", "wheel")]));
        Assert.NotEqual(Poetry(exclude: ["a"]), Poetry(exclude: ["b"]));
    }

    private bool GitInit()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _tree.Root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "init", "-q" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = _tree.Root;
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
