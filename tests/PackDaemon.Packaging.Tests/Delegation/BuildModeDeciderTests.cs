using PackDaemon.Packaging.Delegation;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Delegation;

public sealed class BuildModeDeciderTests : IDisposable
{
    private const string Project = "[project]\nname = \"demo\"\nversion = \"1.0\"\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private BuildModeDecision Decide() => BuildModeDecider.Decide(_project.Root);

    [Theory]
    [InlineData("hatchling.build")]
    [InlineData("setuptools.build_meta")]
    [InlineData("setuptools.build_meta:__legacy__")]
    [InlineData("flit_core.buildapi")]
    [InlineData("pdm.backend")]
    [InlineData("poetry.core.masonry.api")]
    [InlineData("uv_build")]
    public void Decide_EmulatedBackendWithProjectTable_IsNative(string backend)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Project);

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
        Assert.Equal("native", decision.Mode);
        Assert.Contains(backend, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setuptools.build_meta", "[tool.setuptools]\npackages = [\"demo\"]\n", "[tool.setuptools] packages")]
    [InlineData("setuptools.build_meta", "[tool.setuptools.package-data]\ndemo = [\"*.sql\"]\n", "[tool.setuptools] package-data")]
    [InlineData("flit_core.buildapi", "[tool.flit.module]\nname = \"demo_core\"\n", "[tool.flit.module]")]
    [InlineData("pdm.backend", "[tool.pdm.build]\nrun-setuptools = true\n", "[tool.pdm.build] run-setuptools")]
    [InlineData("pdm.backend", "[tool.pdm.build]\ncustom-hook = \"build.py\"\n", "[tool.pdm.build] custom-hook")]
    [InlineData("pdm.backend", "[tool.pdm.build]\nis-purelib = false\n", "is-purelib = false")]
    [InlineData("pdm.backend", "[tool.pdm.version]\nsource = \"scm\"\n", "[tool.pdm.version] source = \"scm\"")]
    [InlineData("poetry.core.masonry.api", "[tool.poetry]\npackages = [{ include = \"demo\" }]\n", "[tool.poetry] packages")]
    [InlineData("uv_build", "[tool.uv.build-backend]\nmodule-root = \"\"\nsome-future-key = true\n", "[tool.uv.build-backend] some-future-key")]
    public void Decide_BackendOptionNotEmulatedYet_Delegates_NamingIt(string backend, string options, string named)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Project + options);

        var decision = Decide();

        Assert.True(decision.Delegated, decision.Reason);
        Assert.Contains(named, decision.Reason, StringComparison.Ordinal);
        Assert.Contains("not emulated yet", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdm.backend", "[tool.pdm.build]\nincludes = [\"demo/\"]\nsource-includes = [\"tests/\"]\npackage-dir = \"src\"\nis-purelib = true\nrun-setuptools = false\n[tool.pdm.build.wheel-data]\nscripts = [\"bin/*\"]\n")]
    [InlineData("pdm.backend", "[tool.pdm.version]\nsource = \"file\"\npath = \"demo/__init__.py\"\n")]
    [InlineData("uv_build", "[tool.uv.build-backend]\nmodule-root = \"\"\nmodule-name = \"demo\"\nnamespace = false\nsource-include = [\"tests/**\"]\nsource-exclude = [\"*.bak\"]\nwheel-exclude = [\"*.sql\"]\ndefault-excludes = true\ndata = { scripts = \"bin\" }\n")]
    public void Decide_EmulatedPdmAndUvOptions_StayNative(string backend, string options)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Project + options);

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
    }

    [Fact]
    public void Decide_PdmBuildHookScript_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"pdm.backend\"\n" + Project);
        _project.Write("pdm_build.py", "def pdm_build_initialize(context):\n    pass\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Contains("pdm_build.py", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SetuptoolsDynamicOnly_StaysNative()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n[project]\nname = \"demo\"\ndynamic = [\"version\"]\n"
            + "[tool.setuptools.dynamic]\nversion = { attr = \"demo.__version__\" }\n");

        Assert.False(Decide().Delegated);
    }

    [Fact]
    public void Decide_SetuptoolsWithManifestIn_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project);
        _project.Write("MANIFEST.in", "include README.md\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Contains("MANIFEST.in", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FlitDynamicDescription_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"flit_core.buildapi\"\n[project]\nname = \"demo\"\ndynamic = [\"version\", \"description\"]\n");

        Assert.True(Decide().Delegated);
    }

    [Fact]
    public void Decide_UnknownBackend_DelegatesToIt_WithBackendPath()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"my_backend:api\"\nbackend-path = [\"_build\"]\n" + Project);

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Equal("delegated:my_backend:api", decision.Mode);
        Assert.Equal(["_build"], decision.BackendPath);
        Assert.Contains("not one packd emulates", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ToolPackdModeDelegate_Forces_AndCarriesTheTimeout()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"hatchling.build\"\n" + Project + "[tool.packd]\nmode = \"delegate\"\ndelegate-timeout = 12\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Equal("delegated:hatchling.build", decision.Mode);
        Assert.Equal("[tool.packd] mode = \"delegate\"", decision.Reason);
        Assert.Equal(TimeSpan.FromSeconds(12), decision.Timeout);
    }

    [Fact]
    public void Decide_ToolPackdModeNative_WinsOverAnUnknownBackend()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"my_backend\"\n" + Project + "[tool.packd]\nmode = \"native\"\n");

        Assert.False(Decide().Delegated);
    }

    [Fact]
    public void Decide_NoBuildSystem_UsesTheLegacyBackendName_NativeWhileDeclarative()
    {
        _project.Pyproject(Project);

        var decision = Decide();

        Assert.False(decision.Delegated);
        Assert.Equal(BuildModeDecider.LegacyBackend, decision.Backend);
    }

    [Fact]
    public void Decide_SetupPyShim_StaysNative()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project)
            .Write("setup.py", "#!/usr/bin/env python\n# a shim\nfrom setuptools import setup\n\nsetup()\n");

        Assert.False(Decide().Delegated);
    }

    [Fact]
    public void Decide_SetupPyWithArguments_Delegates_NamingTheLine()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project)
            .Write("setup.py", "from setuptools import setup\nsetup(version=compute())\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Equal("delegated:setuptools.build_meta", decision.Mode);
        Assert.Contains("line 2: setup(version=compute())", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnlySetupPy_NoPyproject_DelegatesToTheLegacyBackend()
    {
        _project.Write("setup.py", "from setuptools import setup\nsetup(name='x', version='1')\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Equal("delegated:setuptools.build_meta:__legacy__", decision.Mode);
        Assert.Contains("no pyproject.toml", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NothingAtAll_IsNative_SoTheNativeLoaderReportsTheMissingFile()
        => Assert.False(Decide().Delegated);

    [Fact]
    public void Decide_InvalidToml_IsNative_SoTheNativeLoaderReportsThePosition()
    {
        _project.Pyproject("[project\nname = 1\n").Write("setup.py", "setup(name='x')\n");

        Assert.False(Decide().Delegated);
    }

    [Theory]
    [InlineData("[tool.hatch.build.hooks.custom]\n", "tool.hatch.build.hooks.custom")]
    [InlineData("[tool.hatch.build.hooks.vcs]\nversion-file = \"_v.py\"\n", "tool.hatch.build.hooks.vcs")]
    [InlineData("[tool.hatch.build.targets.wheel.hooks.custom]\n", "tool.hatch.build.targets.wheel.hooks.custom")]
    public void Decide_HatchBuildHook_Delegates(string hooks, string named)
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"hatchling.build\"\n" + Project + hooks);

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Contains(named, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_HatchHookTable_UnderAnotherBackend_IsIgnored()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"flit_core.buildapi\"\n" + Project + "[tool.hatch.build.hooks.custom]\n");

        Assert.False(Decide().Delegated);
    }

    [Fact]
    public void Decide_ToolSetuptoolsCmdclass_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project
            + "[tool.setuptools]\ncmdclass = { build_py = \"_custom.BuildPy\" }\n");

        Assert.Contains("cmdclass", Decide().Reason, StringComparison.Ordinal);
        Assert.True(Decide().Delegated);
    }

    [Fact]
    public void Decide_SetupCfgCmdclass_Delegates_NamingTheLine()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project)
            .Write("setup.cfg", "[metadata]\nname = demo\n\n[options]\npackages = find:\ncmdclass =\n    build_py = _custom.BuildPy\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Contains("setup.cfg line 6", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoProjectTable_MetadataInSetupCfg_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n")
            .Write("setup.cfg", "[metadata]\nname = demo\nversion = 1.0\n")
            .Write("setup.py", "import setuptools\nsetuptools.setup()\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Contains("no [project] table: the metadata is in setup.cfg", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoProjectTable_PoetryMetadata_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"poetry.core.masonry.api\"\n[tool.poetry]\nname = \"demo\"\nversion = \"1\"\n");

        Assert.Contains("[tool.poetry]", Decide().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoProjectTable_NoOtherMetadata_IsNative_SoTheMissingTableIsReported()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"hatchling.build\"\n");

        Assert.False(Decide().Delegated);
    }
}
