using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Evaluation;

/// <summary>The loader's side of hybrid builds: a computed version becomes a typed request to the injected evaluator
/// (never Python in this layer), with the files it depends on; literals and hatchling's regex never ask.</summary>
public sealed class HybridVersionTests : IDisposable
{
    private const string Setuptools = """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"
        [project]
        name = "shop"
        dynamic = ["version"]
        [tool.setuptools.dynamic]
        version = {attr = "shop.__version__"}
        """;

    private const string Computed = "VERSION = (1, 4, 2)\n__version__ = \".\".join(map(str, VERSION))\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private LoadedProject? Load(IValueEvaluator evaluator) => ProjectLoader.Load(_project.Root, _project.Diagnostics, evaluator);

    [Fact]
    public void SetuptoolsAttr_Computed_AsksTheEvaluator_WithTheModuleAndEveryPyOfItsPackage()
    {
        _project.Write("shop/__init__.py", Computed).Write("shop/cart/__init__.py", "").Write("shop/cart/lines.py", "X = 1\n")
            .Write("shop/static/app.js", "").Write("tests/test_shop.py", "").Pyproject(Setuptools);
        var evaluator = new FakeEvaluator("1.4.2");

        var loaded = Load(evaluator);

        Assert.True(loaded is not null, string.Join("\n", _project.Diagnostics.Items));
        Assert.Equal("1.4.2", loaded.Version);
        var request = Assert.Single(evaluator.Asked);
        Assert.Equal(("version", "shop.__version__", "shop", "shop/__init__.py", "", "__version__", ValueConvention.Setuptools),
            (request.What, request.Expression, request.ModuleName, request.ModuleFile, request.SourceRoot, request.Attribute, request.Convention));
        Assert.Equal(["shop/__init__.py", "shop/cart/__init__.py", "shop/cart/lines.py"], request.DependsOn);
        Assert.Equal("shop/", request.WatchedFolder);
        var evaluated = Assert.Single(loaded.Evaluations);
        Assert.Equal("1.4.2", evaluated.Value);
        Assert.Equal(
            "version: shop.__version__ is computed by code; evaluated by /fake/python3, cached until shop/__init__.py or another .py of shop/ changes",
            evaluated.Reason);
        Assert.Equal(request.DependsOn, loaded.EvaluationInputs);
    }

    [Fact]
    public void SetuptoolsAttr_SrcLayoutSubmodule_ImportsFromSrc()
    {
        _project.Write("src/shop/__init__.py", "").Write("src/shop/about.py", "__version__ = str(2)\n").Pyproject(
            Setuptools.Replace("shop.__version__", "shop.about.__version__", StringComparison.Ordinal));
        var evaluator = new FakeEvaluator("2");

        Assert.Equal("2", Load(evaluator)?.Version);

        var request = Assert.Single(evaluator.Asked);
        Assert.Equal(("shop.about", "src/shop/about.py", "src"), (request.ModuleName, request.ModuleFile, request.SourceRoot));
        Assert.Equal(["src/shop/__init__.py", "src/shop/about.py"], request.DependsOn);
        Assert.Equal("src/shop/", request.WatchedFolder);
    }

    [Fact]
    public void SingleFileModule_DependsOnItselfOnly()
    {
        _project.Write("shop.py", Computed).Write("other.py", "").Pyproject(Setuptools);
        var evaluator = new FakeEvaluator("1.4.2");

        var loaded = Load(evaluator);

        var request = Assert.Single(evaluator.Asked);
        Assert.Equal(["shop.py"], request.DependsOn);
        Assert.Null(request.WatchedFolder);
        Assert.EndsWith("cached until shop.py changes", loaded!.Evaluations[0].Reason, StringComparison.Ordinal);
        Assert.True(loaded.IsEvaluationInput("shop.py"));
        Assert.False(loaded.IsEvaluationInput("other.py"));
    }

    [Fact]
    public void EvaluationInputs_NewModuleInThePackageCounts_OtherFilesDoNot()
    {
        _project.Write("shop/__init__.py", Computed).Write("shop/util.py", "").Write("shop/static/app.js", "").Pyproject(Setuptools);

        var loaded = Load(new FakeEvaluator("1.4.2"))!;

        // Loading again is what re-checks the value; the sdist is not forced to carry the package's other modules.
        Assert.Equal(["shop/__init__.py", "shop/util.py"], loaded.EvaluationInputs);
        Assert.DoesNotContain("shop/util.py", loaded.Selection.SdistRequiredFiles);

        Assert.True(loaded.IsEvaluationInput("shop/__init__.py"));
        Assert.True(loaded.IsEvaluationInput("shop/new_module.py"));
        Assert.False(loaded.IsEvaluationInput("shop/static/app.js"));
        Assert.False(loaded.IsEvaluationInput("README.md"));
    }

    [Fact]
    public void Flit_ComputedDunderVersion_AsksWithFlitsRules()
    {
        _project.Write("src/flask_shop/__init__.py", "\"\"\"Shop.\"\"\"\n__version__ = '.'.join(['3', '1'])\n").Pyproject("""
            [build-system]
            requires = ["flit_core>=3.4"]
            build-backend = "flit_core.buildapi"
            [project]
            name = "flask-shop"
            dynamic = ["version"]
            """);
        var evaluator = new FakeEvaluator("3.1");

        Assert.Equal("3.1", Load(evaluator)?.Version);

        var request = Assert.Single(evaluator.Asked);
        Assert.Equal((ValueConvention.Flit, "flask_shop", "src", "flask_shop.__version__"),
            (request.Convention, request.ModuleName, request.SourceRoot, request.Expression));
    }

    [Fact]
    public void SetupCfgAttr_Computed_AsksTheEvaluatorAsForPyproject()
    {
        _project.Write("setup.cfg", "[metadata]\nname = shop\nversion = attr: shop.__version__\n[options]\npackages = find:\n")
            .Write("setup.py", "from setuptools import setup\nsetup()\n").Write("shop/__init__.py", Computed);
        var evaluator = new FakeEvaluator("1.4.2");

        var loaded = Load(evaluator);

        Assert.True(loaded is not null, string.Join("\n", _project.Diagnostics.Items));
        Assert.Equal("1.4.2", loaded.Version);
        var request = Assert.Single(evaluator.Asked);
        Assert.Equal((ValueConvention.Setuptools, "shop", "shop/__init__.py"), (request.Convention, request.ModuleName, request.ModuleFile));
    }

    [Fact]
    public void HatchVersionPath_Computed_StaysAnError_BecauseHatchlingNeverImportsTheFile()
    {
        _project.Write("shop/__init__.py", Computed).Pyproject("""
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"
            [project]
            name = "shop"
            dynamic = ["version"]
            [tool.hatch.version]
            path = "shop/__init__.py"
            """);
        var evaluator = new FakeEvaluator("1.4.2");

        Assert.Null(Load(evaluator));

        Assert.Empty(evaluator.Asked);
        var error = Assert.Single(_project.Diagnostics.Items, d => d.IsError);
        Assert.Equal(DiagnosticCodes.DynamicVersionComputed, error.Code);
        Assert.Equal(("shop/__init__.py", 2), (error.File, error.Line));
        Assert.Contains("regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LiteralVersion_NeverAsks()
    {
        _project.Write("shop/__init__.py", "__version__ = \"1.0\"\n").Pyproject(Setuptools);
        var evaluator = new FakeEvaluator("9.9");

        var loaded = Load(evaluator);

        Assert.Equal("1.0", loaded?.Version);
        Assert.Empty(evaluator.Asked);
        Assert.Empty(loaded!.Evaluations);
        Assert.Empty(loaded.EvaluationInputs);
    }

    [Fact]
    public void EvaluatorFailure_IsTheLoadError()
    {
        _project.Write("shop/__init__.py", Computed).Pyproject(Setuptools);
        var failure = new Diagnostic(DiagnosticCodes.EvaluationFailed, DiagnosticSeverity.Error, "boom", "shop/__init__.py", 2, 0, "fix it");

        Assert.Null(Load(new FakeEvaluator(null, failure)));

        Assert.Equal(failure, Assert.Single(_project.Diagnostics.Items, d => d.IsError));
    }

    [Fact]
    public void EvaluatedValueNotPep440_ErrorAtTheAssignment()
    {
        _project.Write("shop/__init__.py", Computed).Pyproject(Setuptools);

        Assert.Null(Load(new FakeEvaluator("not a version")));

        var error = Assert.Single(_project.Diagnostics.Items, d => d.IsError);
        Assert.Equal((DiagnosticCodes.VersionInvalid, "shop/__init__.py", 2), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void NoEvaluator_ComputedSetuptoolsVersion_SaysWhyAndHowToAvoidIt()
    {
        _project.Write("shop/__init__.py", Computed).Pyproject(Setuptools);

        var error = _project.LoadError(DiagnosticCodes.DynamicVersionComputed);

        Assert.Contains("setuptools would import the module", error.Message, StringComparison.Ordinal);
    }
}
