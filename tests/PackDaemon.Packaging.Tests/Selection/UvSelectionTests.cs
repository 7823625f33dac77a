using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Selection.Uv;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>uv_build's file-selection rules (docs/concepts/build-backend.md; crates/uv-build-backend), one rule per
/// test; the expected-list fixtures in tests/conformance/uv_build check whole projects.</summary>
public sealed class UvSelectionTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static UvBuildOptions Uv(
        string moduleRoot = "src", string[]? modules = null, bool ns = false, string[]? sourceInclude = null, string[]? sourceExclude = null,
        string[]? wheelExclude = null, bool defaultExcludes = true, UvDataFolder[]? data = null)
        => new(moduleRoot, modules ?? ["app"], ns, sourceInclude ?? [], sourceExclude ?? [], wheelExclude ?? [], defaultExcludes, data ?? [], "app-1.0.data");

    private (List<string> Wheel, List<string> Sdist, DiagnosticBag Diagnostics) Select(UvBuildOptions uv, string[]? readmeAndLicenses = null)
    {
        var options = _tree.Options() with { Backend = uv, ReadmeAndLicenseFiles = readmeAndLicenses ?? [] };
        var (selection, diagnostics) = TempTree.Select(options);
        return (TempTree.Paths(selection.Wheel), TempTree.Paths(selection.Sdist), diagnostics);
    }

    [Fact]
    public void Default_SrcModule_StripsModuleRootInTheWheel_SdistKeepsOnlyKnownFiles()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/static/site.css", "src/other/__init__.py", "tests/test_app.py", "README.md", "tox.ini");

        var (wheel, sdist, diagnostics) = Select(Uv(), ["README.md"]);

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["app/__init__.py", "app/static/site.css"], wheel);
        Assert.Equal(["README.md", "pyproject.toml", "src/app/__init__.py", "src/app/static/site.css"], sdist);
    }

    [Fact]
    public void MissingInitPy_IsRefusedAsUvBuildRefusesIt()
    {
        _tree.Files("pyproject.toml", "app/__init__.py");

        var (_, _, diagnostics) = Select(Uv());

        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.UvModuleMissing);
        Assert.Contains("src/app/__init__.py", error.Message, StringComparison.Ordinal);
        Assert.Contains("module-root = \"\"", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FlatLayout_ModuleRootEmpty()
    {
        _tree.Files("pyproject.toml", "app/__init__.py", "app/views.py", "manage.py");

        var (wheel, sdist, _) = Select(Uv(moduleRoot: ""));

        Assert.Equal(["app/__init__.py", "app/views.py"], wheel);
        Assert.Equal(["app/__init__.py", "app/views.py", "pyproject.toml"], sdist);
    }

    [Fact]
    public void DottedModuleName_ShipsOnlyThatModule_WithoutTheNamespaceFolderFiles()
    {
        _tree.Files("pyproject.toml", "src/acme/app/__init__.py", "src/acme/other/__init__.py", "src/acme/README.txt");

        var (wheel, _, diagnostics) = Select(Uv(modules: ["acme.app"]));

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["acme/app/__init__.py"], wheel);
    }

    [Fact]
    public void DottedModuleName_WhoseParentHasInit_IsNotANamespace()
    {
        _tree.Files("pyproject.toml", "src/acme/__init__.py", "src/acme/app/__init__.py");

        var (_, _, diagnostics) = Select(Uv(modules: ["acme.app"]));

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.UvNotANamespace);
    }

    [Fact]
    public void Namespace_SkipsTheInitChecks_AndTakesTheWholeFolder()
    {
        _tree.Files("pyproject.toml", "src/acme/db/__init__.py", "src/acme/billing/__init__.py", "src/acme/py.typed");

        var (wheel, _, diagnostics) = Select(Uv(modules: ["acme"], ns: true));

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["acme/billing/__init__.py", "acme/db/__init__.py", "acme/py.typed"], wheel);
    }

    [Fact]
    public void SeveralModuleNames_AreAllShipped()
    {
        _tree.Files("pyproject.toml", "src/foo/__init__.py", "src/bar/__init__.py");

        var (wheel, _, _) = Select(Uv(modules: ["foo", "bar"]));

        Assert.Equal(["bar/__init__.py", "foo/__init__.py"], wheel);
    }

    [Fact]
    public void StubsModule_NeedsInitPyi()
    {
        _tree.Files("pyproject.toml", "src/app-stubs/__init__.pyi");

        var (wheel, _, diagnostics) = Select(Uv(modules: ["app-stubs"]));

        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        Assert.Equal(["app-stubs/__init__.pyi"], wheel);
    }

    [Fact]
    public void SourceInclude_IsAnchored_AndNeedsDoubleStarForAFolder()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "tests/test_a.py", "tests/unit/test_b.py", "docs/tests/x.md", "tests2");

        var (wheel, sdist, _) = Select(Uv(sourceInclude: ["tests/**", "tests2"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py", "tests/test_a.py", "tests/unit/test_b.py", "tests2"], sdist);
    }

    [Fact]
    public void Excludes_AreUnanchored_UnlessTheyStartWithASlash()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/fixtures/a.json", "src/app/sub/fixtures/b.json", "src/app/data/c.json", "data/d.json");

        var (wheel, sdist, _) = Select(Uv(sourceInclude: ["data/**"], sourceExclude: ["fixtures", "/data"]));

        Assert.Equal(["app/__init__.py", "app/data/c.json"], wheel);
        Assert.Equal(["pyproject.toml", "src/app/__init__.py", "src/app/data/c.json"], sdist);
    }

    [Fact]
    public void WheelExclude_LeavesTheSdistAlone()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/dev.sql");

        var (wheel, sdist, _) = Select(Uv(wheelExclude: ["*.sql"]));

        Assert.Equal(["app/__init__.py"], wheel);
        Assert.Contains("src/app/dev.sql", sdist);
    }

    [Fact]
    public void Excludes_StarDoesNotCrossFolders()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/a.txt", "src/app/sub/b.txt");

        var (wheel, _, _) = Select(Uv(wheelExclude: ["/src/app/*.txt"]));

        Assert.Equal(["app/__init__.py", "app/sub/b.txt"], wheel);
    }

    [Fact]
    public void Data_GoesUnderDotData_ByScheme_AndIntoTheSdist()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "bin/app-tool", "include/app/api.h");

        var (wheel, sdist, _) = Select(Uv(data: [new UvDataFolder("scripts", "bin"), new UvDataFolder("headers", "include")]));

        Assert.Equal(["app-1.0.data/headers/app/api.h", "app-1.0.data/scripts/app-tool", "app/__init__.py"], wheel.Order(StringComparer.Ordinal));
        Assert.Contains("bin/app-tool", sdist);
        Assert.Contains("include/app/api.h", sdist);
    }

    [Fact]
    public void Data_AMissingFolder_IsAnError()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py");

        var (_, _, diagnostics) = Select(Uv(data: [new UvDataFolder("data", "share")]));

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.UvDataFolderMissing);
    }

    [Fact]
    public void SourceExcludeOfPyproject_IsRefused()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py");

        var (_, _, diagnostics) = Select(Uv(sourceExclude: ["*.toml"]));

        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.UvPyprojectExcluded);
    }

    [Fact]
    public void Explain_NamesTheUvRule()
    {
        _tree.Files("pyproject.toml", "src/app/__init__.py", "src/app/dev.sql");
        var options = _tree.Options() with { Backend = Uv(wheelExclude: ["*.sql"]) };

        var explanation = FileSelector.Explain(options, "src/app/dev.sql");

        Assert.False(explanation.InWheel);
        Assert.Contains("wheel-exclude", explanation.WheelReason, StringComparison.Ordinal);
        Assert.True(explanation.InSdist);
    }
}
