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
    [InlineData("hatchling.build")]
    [InlineData("flit_core.buildapi")]
    [InlineData("pdm.backend")]
    [InlineData("poetry.core.masonry.api")]
    [InlineData("uv_build")]
    public void Decide_GuardSetupPyBesideABackendThatNeverRunsIt_StaysNative(string backend)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Project);
        _project.Write("setup.py", "import sys\nsys.exit(\"This project is built by its pyproject.toml: use `pip install .`\")\n");

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
    }

    [Fact]
    public void Decide_BareShimSavedWithAByteOrderMark_StaysNative()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project);
        _project.WriteBytes("setup.py", [0xEF, 0xBB, 0xBF, .. "from setuptools import setup\nsetup()\n"u8]);

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
    }

    [Theory]
    [InlineData("setuptools.build_meta")]
    [InlineData("setuptools.build_meta:__legacy__")]
    public void Decide_SetupPyWithCode_UnderSetuptools_Delegates(string backend)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Project);
        _project.Write("setup.py", "import os\nfrom setuptools import setup\nsetup(version=os.environ.get('V', '1.0'))\n");

        var decision = Decide();

        Assert.True(decision.Delegated, decision.Reason);
        Assert.Contains("setup.py runs code beyond a bare setup() shim (line 1", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setuptools.build_meta", "[tool.setuptools]\nlicense-files = [\"LICENSE\"]\n", "[tool.setuptools] license-files")]
    [InlineData("setuptools.build_meta", "[tool.setuptools.ext-modules]\ndemo = [\"*.sql\"]\n", "[tool.setuptools] ext-modules")]
    [InlineData("flit_core.buildapi", "[tool.flit.metadata]\nmodule = \"demo_core\"\n", "[tool.flit.metadata]")]
    [InlineData("poetry.core.masonry.api", "[tool.poetry]\nbuild = \"build.py\"\n", "[tool.poetry] build")]
    [InlineData("poetry.core.masonry.api", "[tool.poetry.dependencies]\nlocal = { path = \"../local\" }\n", "[tool.poetry.dependencies] local")]
    [InlineData("poetry.core.masonry.api", "[tool.poetry.dependencies]\nfoo = \"^1.0 || ^3.0\"\n", "[tool.poetry.dependencies] foo")]
    [InlineData("poetry.core.masonry.api", "[tool.poetry.scripts]\ntool = { reference = \"bin/tool\", type = \"file\" }\n", "[tool.poetry.scripts] tool")]
    [InlineData("pdm.backend", "[tool.pdm.build]\nrun-setuptools = true\n", "[tool.pdm.build] run-setuptools")]
    [InlineData("pdm.backend", "[tool.pdm.build]\ncustom-hook = \"build.py\"\n", "[tool.pdm.build] custom-hook")]
    [InlineData("pdm.backend", "[tool.pdm.build]\nis-purelib = false\n", "is-purelib = false")]
    [InlineData("pdm.backend", "[tool.pdm.version]\nsource = \"scm\"\n", "[tool.pdm.version] source = \"scm\"")]
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
    public void Decide_PackdClientBackend_IsNativeWithoutBeingTold()
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{BuildModeDecider.PackdClientBackend}\"\n" + Project);

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
        Assert.Contains("packd's own", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PackdClientBackendAskedToDelegate_Delegates_SoTheClientCanRefuseIt()
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{BuildModeDecider.PackdClientBackend}\"\n" + Project
            + "[tool.packd]\nmode = \"delegate\"\n");

        Assert.True(Decide().Delegated);
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
    public void Decide_SetuptoolsWithManifestInAndFileSelectionOptions_StaysNative()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project
            + "[tool.setuptools]\npackages = [\"demo\"]\nscript-files = [\"bin/run\"]\n[tool.setuptools.package-data]\ndemo = [\"*.sql\"]\n");
        _project.Write("MANIFEST.in", "include README.md\n");
        _project.Write("bin/run", "#!/bin/sh\necho run\n");

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
    }

    [Theory]
    [InlineData("#!/usr/bin/env python3\nprint('run')\n", null)]
    [InlineData("#!/usr/bin/python\n# -*- coding: latin-1 -*-\nprint('caf\u00e9')\n", "bin/run: its coding cookie names latin-1")]
    [InlineData("", "bin/run: empty, which setuptools skips")]
    public void Decide_SetuptoolsScriptFiles_NativeUnlessTheShebangRewriteIsOutOfReach(string script, string? delegatedFor)
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n" + Project + "[tool.setuptools]\nscript-files = [\"bin/run\"]\n");
        _project.Write("bin/run", script);

        var decision = Decide();

        Assert.Equal(delegatedFor is not null, decision.Delegated);
        if (delegatedFor is not null)
        {
            Assert.Contains(delegatedFor, decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[project]\nname = \"demo\"\ndynamic = [\"version\", \"description\"]\n")]
    [InlineData(Project + "[tool.flit.module]\nname = \"demo_core\"\n")]
    [InlineData(Project + "[tool.flit.sdist]\ninclude = [\"docs/\"]\n")]
    [InlineData(Project + "[tool.flit.external-data]\ndirectory = \"share\"\n")]
    public void Decide_FlitOptionsPackdEmulates_AreNative(string project)
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"flit_core.buildapi\"\n" + project);

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
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
    public void Decide_NoProjectTable_MetadataInSetupCfg_IsNative()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"setuptools.build_meta\"\n")
            .Write("setup.cfg", "[metadata]\nname = demo\nversion = 1.0\n")
            .Write("setup.py", "import setuptools\nsetuptools.setup()\n");

        var decision = Decide();

        Assert.False(decision.Delegated);
        Assert.Equal("setuptools.build_meta", decision.Backend);
        Assert.Equal("native: setuptools, metadata from setup.cfg", decision.Reason);
    }

    [Fact]
    public void Decide_NoPyproject_SetupCfgWithShim_IsNativeWithTheLegacyBackend()
    {
        _project.Write("setup.cfg", "[metadata]\nname = demo\nversion = 1.0\n[options]\npackages = find:\n")
            .Write("setup.py", "from setuptools import setup\nsetup()\n");

        var decision = Decide();

        Assert.False(decision.Delegated);
        Assert.Equal(BuildModeDecider.LegacyBackend, decision.Backend);
        Assert.Equal("native: setuptools, metadata from setup.cfg", decision.Reason);
    }

    [Fact]
    public void Decide_NoPyproject_SetupCfgWithSetupPyRunningCode_Delegates()
    {
        _project.Write("setup.cfg", "[metadata]\nname = demo\nversion = 1.0\n")
            .Write("setup.py", "from setuptools import setup, Extension\nsetup(ext_modules=[Extension('x', ['x.c'])])\n");

        var decision = Decide();

        Assert.True(decision.Delegated);
        Assert.Equal("delegated:setuptools.build_meta:__legacy__", decision.Mode);
        Assert.Contains("line 1: from setuptools import setup, Extension", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "[options]\nsetup_requires = setuptools_scm\n", "setup.cfg line 5: [options] setup_requires")]
    [InlineData("", "[options]\nnamespace-packages = ns\n", "setup.cfg line 5: [options] namespace_packages")]
    [InlineData("", "[options]\nentry_points = file: entry_points.cfg\n", "setup.cfg line 5: [options] entry_points")]
    [InlineData("platforms = any\n", "", "setup.cfg line 4: [metadata] platforms")]
    [InlineData("", "[bdist_wheel]\nuniversal = 1\n", "[bdist_wheel] universal = 1")]
    [InlineData("", "[egg_info]\ntag_build = .dev\n", "[egg_info] tag_build = .dev")]
    [InlineData("", "[DEFAULT]\nx = 1\n", "[DEFAULT]")]
    public void Decide_SetupCfgSettingPackdDoesNotEmulate_Delegates(string metadata, string sections, string reason)
    {
        _project.Write("setup.cfg", "[metadata]\nname = demo\nversion = 1\n" + metadata + sections)
            .Write("setup.py", "from setuptools import setup\nsetup()\n");

        var decision = Decide();

        Assert.True(decision.Delegated, decision.Reason);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#!/usr/bin/env python3\n# coding: cp1252\nprint('run')\n", true)]
    [InlineData("#!/usr/bin/env python3\nprint('run')\n", false)]
    [InlineData("#!/bin/sh\necho run\n", false)]
    public void Decide_SetupCfgScripts_MeetTheSameShebangRuleAsScriptFiles(string script, bool delegated)
    {
        _project.Write("setup.cfg", "[metadata]\nname = demo\nversion = 1\n[options]\nscripts =\n    bin/run\n")
            .Write("setup.py", "from setuptools import setup\nsetup()\n").Write("bin/run", script);

        var decision = Decide();

        Assert.Equal(delegated, decision.Delegated);
        if (delegated)
        {
            Assert.Contains("setup.cfg [options] scripts (bin/run: its coding cookie names cp1252", decision.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("[egg_info]\ntag_build =\ntag_date = 0\n")]
    [InlineData("[bdist_wheel]\nuniversal = 0\n")]
    [InlineData("[flake8]\nmax-line-length = 100\n[tool:pytest]\naddopts = -q\n")]
    public void Decide_SetupCfgSectionsThatChangeNoArtifact_StayNative(string section)
    {
        _project.Write("setup.cfg", "[metadata]\nname = demo\nversion = 1\n" + section)
            .Write("setup.py", "from setuptools import setup\nsetup()\n");

        var decision = Decide();

        Assert.False(decision.Delegated, decision.Reason);
    }

    [Fact]
    public void Decide_NoProjectTable_PoetryMetadata_IsNative_ForPoetryCore()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"poetry.core.masonry.api\"\n[tool.poetry]\nname = \"demo\"\nversion = \"1\"\n");

        Assert.False(Decide().Delegated, Decide().Reason);
    }

    [Fact]
    public void Decide_NoProjectTable_PoetryMetadata_OtherBackend_Delegates()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"hatchling.build\"\n[tool.poetry]\nname = \"demo\"\nversion = \"1\"\n");

        Assert.Contains("[tool.poetry]", Decide().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NoProjectTable_NoOtherMetadata_IsNative_SoTheMissingTableIsReported()
    {
        _project.Pyproject("[build-system]\nbuild-backend = \"hatchling.build\"\n");

        Assert.False(Decide().Delegated);
    }
}
