using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection.Setuptools;
using PackDaemon.Packaging.Tests.Selection;

namespace PackDaemon.Packaging.Tests.Projects.SetupCfg;

/// <summary>setup.cfg translated to [project]/[tool.setuptools] and read by the one project reader: the metadata
/// setuptools 66 would write, and errors that point at setup.cfg's line.</summary>
public sealed class SetupCfgLoaderTests : IDisposable
{
    private const string Shim = "from setuptools import setup\nsetup()\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private TempProject Cfg(string text) => _project.Write("setup.cfg", text).Write("setup.py", Shim);

    private static void AssertAt(Diagnostic error, int line, int column)
    {
        Assert.Equal("setup.cfg", error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Load_NoPyproject_MetadataComesFromSetupCfg()
    {
        Cfg("""
            [metadata]
            name = Shop-App
            version = 1.0.0
            description = A shop
            author = Jane Doe
            author_email = jane@example.org
            maintainer = Max
            license = MIT
            keywords = web, shop
            classifiers =
                Framework :: Flask
                Programming Language :: Python :: 3
            url = https://example.org
            project_urls =
                Source = https://example.org/src

            [options]
            python_requires = >=3.8
            install_requires =
                flask>=2.0
                click; python_version > "3.6"
            """).Write("shop_app/__init__.py", "");

        var loaded = _project.LoadOk();
        var metadata = loaded.Metadata;

        Assert.Equal(("Shop-App", "1.0.0", "A shop"), (metadata.Name, metadata.Version, metadata.Summary));
        Assert.Equal(("Jane Doe", "jane@example.org"), (metadata.Author, metadata.AuthorEmail));
        Assert.Equal("Max", metadata.Maintainer);
        Assert.Equal(("MIT", null), (metadata.License, metadata.LicenseExpression));
        Assert.Equal(["web", "shop"], metadata.Keywords);
        Assert.Equal(["Framework :: Flask", "Programming Language :: Python :: 3"], metadata.Classifiers);
        Assert.Equal("https://example.org", metadata.HomePage);
        Assert.Equal([new ProjectUrl("Source", "https://example.org/src")], metadata.ProjectUrls);
        Assert.Equal(">=3.8", metadata.RequiresPython);
        Assert.Equal(2, metadata.RequiresDist.Count);
        Assert.StartsWith("click", metadata.RequiresDist[1], StringComparison.Ordinal);
        Assert.Equal(["setup.cfg", "setup.py"], loaded.MetadataInputs);
        Assert.Equal(["setup.cfg", "setup.py"], loaded.Selection.SdistRequiredFiles);
    }

    [Fact]
    public void Load_PyprojectWithOnlyBuildSystem_ReadsSetupCfg_AndKeepsPyprojectAsAnInput()
    {
        _project.Pyproject("[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n");
        Cfg("[metadata]\nname = demo\nversion = 2\n").Write("demo/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal("2", loaded.Version);
        Assert.Equal(["pyproject.toml", "setup.cfg", "setup.py"], loaded.MetadataInputs);
    }

    [Fact]
    public void Load_AttrVersion_ReadsTheLiteralFromThePackageUnderPackageDir()
    {
        Cfg("[metadata]\nname = clock\nversion = attr: clock.__version__\n[options]\npackage_dir =\n    = src\npackages = find:\n[options.packages.find]\nwhere = src\n")
            .Write("src/clock/__init__.py", "__version__ = \"2.3.0\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal("2.3.0", loaded.Version);
        Assert.Contains("src/clock/__init__.py", loaded.MetadataInputs);
        Assert.Equal(["clock/__init__.py"], WheelPaths(loaded));
    }

    [Fact]
    public void Load_AttrVersionComputedByCode_IsAnError()
    {
        Cfg("[metadata]\nname = clock\nversion = attr: clock.__version__\n")
            .Write("clock/__init__.py", "__version__ = compute()\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicVersionComputed);

        Assert.Equal("clock/__init__.py", error.File);
    }

    [Fact]
    public void Load_AttrWithoutAttribute_PointsAtSetupCfg()
    {
        Cfg("[metadata]\nname = clock\nversion = attr: clock\n");

        AssertAt(_project.LoadError(DiagnosticCodes.SetupCfgValueInvalid), 3, 11);
    }

    [Fact]
    public void Load_FileVersionAndReadme_AreReadAndTracked()
    {
        Cfg("[metadata]\nname = notes\nversion = file: VERSION\nlong_description = file: README.md\nlong_description_content_type = text/markdown\n")
            .Write("VERSION", "1.0.2\n").Write("README.md", "# notes\n").Write("notes/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal("1.0.2", loaded.Version);
        Assert.Equal(("# notes\n", "text/markdown"), (loaded.Metadata.Description, loaded.Metadata.DescriptionContentType));
        Assert.Contains("README.md", loaded.Selection.ReadmeAndLicenseFiles);
        Assert.Contains("VERSION", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_LongDescriptionWithoutContentType_WritesNoContentType_LikeSetuptools()
    {
        Cfg("[metadata]\nname = notes\nversion = 1\nlong_description = file: README.rst, CHANGES.rst\n")
            .Write("README.rst", "Notes").Write("CHANGES.rst", "1.0").Write("notes/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal(("Notes\n1.0", null), (loaded.Metadata.Description, loaded.Metadata.DescriptionContentType));
        Assert.Contains("CHANGES.rst", loaded.Selection.SdistRequiredFiles);
    }

    [Fact]
    public void Load_FileDirectiveNamingAMissingFile_PointsAtTheLine()
    {
        Cfg("[metadata]\nname = notes\nversion = 1\nlong_description = file: README.md\n");

        AssertAt(_project.LoadError(DiagnosticCodes.SetupCfgFileMissing), 4, 20);
    }

    [Fact]
    public void Load_ExtrasAndEntryPoints_MapToProjectTables()
    {
        Cfg("""
            [metadata]
            name = toolbox
            version = 3
            [options]
            install_requires = requests>=2; click
            [options.extras_require]
            yaml = pyyaml>=6
            dev =
                pytest>=7
                # not a requirement
                black
            [options.entry_points]
            console_scripts =
                toolbox = toolbox.cli:main
            gui_scripts = toolbox-gui = toolbox.gui:run
            toolbox.plugins =
                zip = toolbox.plugins:zip_plugin
            """).Write("toolbox/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal(["requests>=2", "click"], loaded.Metadata.RequiresDist);
        Assert.Equal(["yaml", "dev"], loaded.Metadata.Extras.Select(e => e.Name));
        Assert.Equal(2, loaded.Metadata.Extras[1].RequiresDist.Count);
        Assert.Equal("toolbox.cli:main", loaded.EntryPoints["console_scripts"]["toolbox"]);
        Assert.Equal("toolbox.gui:run", loaded.EntryPoints["gui_scripts"]["toolbox-gui"]);
        Assert.Equal("toolbox.plugins:zip_plugin", loaded.EntryPoints["toolbox.plugins"]["zip"]);
    }

    [Fact]
    public void Load_InstallRequiresLineThatIsNotPep508_PointsAtItsSetupCfgLine()
    {
        Cfg("[metadata]\nname = a\nversion = 1\n[options]\ninstall_requires =\n    flask\n    not a requirement!\n");

        var error = _project.LoadError(DiagnosticCodes.DependencyInvalid);

        Assert.Equal(("setup.cfg", 7), (error.File, error.Line));
        Assert.True(error.Column >= 5, error.ToString());
    }

    [Fact]
    public void Load_RequirementInTheMiddleOfALine_PointsAtItsColumn()
    {
        Cfg("[metadata]\nname = a\nversion = 1\n[options]\ninstall_requires = flask; bad name!\n");

        var error = _project.LoadError(DiagnosticCodes.DependencyInvalid);

        Assert.Equal(("setup.cfg", 5), (error.File, error.Line));
        Assert.True(error.Column >= 27, error.ToString());
    }

    [Fact]
    public void Load_UnknownOptionsKey_IsAnErrorNamingTheLine()
    {
        Cfg("[metadata]\nname = a\nversion = 1\n[options]\ninstall_require = flask\n");

        var error = _project.LoadError(DiagnosticCodes.SetupCfgUnknownKey);

        AssertAt(error, 5, 1);
        Assert.Contains("install_requires", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownOptionSection_IsAnError()
        => AssertAt(Cfg("[metadata]\nname = a\nversion = 1\n[options.package-data]\n* = *.txt\n").LoadError(DiagnosticCodes.SetupCfgUnknownKey), 4, 1);

    [Fact]
    public void Load_UnknownMetadataKey_IsOnlyAWarning()
    {
        Cfg("[metadata]\nname = a\nversion = 1\nhome-page = https://example.org\nsummary-extra = x\n").Write("a/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal("https://example.org", loaded.Metadata.HomePage);
        Assert.Contains(_project.Diagnostics.Items, d => d.Code == DiagnosticCodes.SetupCfgUnknownKey && d.Line == 5);
    }

    [Fact]
    public void Load_MissingName_NamesSetupCfgAndTheFix()
    {
        var error = Cfg("[metadata]\nversion = 1\n").LoadError(DiagnosticCodes.SetupCfgMetadataMissing);

        AssertAt(error, 1, 1);
        Assert.Contains("name = ", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadVersion_PointsAtTheSetupCfgValue()
        => AssertAt(Cfg("[metadata]\nname = a\nversion = one\n").LoadError(DiagnosticCodes.VersionInvalid), 3, 11);

    [Fact]
    public void Load_BadRequiresPython_PointsInsideTheSetupCfgValue()
        => AssertAt(Cfg("[metadata]\nname = a\nversion = 1\n[options]\npython_requires = 3.8+\n").LoadError(DiagnosticCodes.RequiresPythonInvalid), 5, 22);

    [Fact]
    public void Load_LicenseTextAndLicenseFiles_TogetherAsSetuptoolsWritesThem()
    {
        Cfg("[metadata]\nname = a\nversion = 1\nlicense = BSD\nlicense_files = COPYING\n").Write("COPYING", "text").Write("LICENSE", "other").Write("a/__init__.py", "");

        var loaded = _project.LoadOk();

        Assert.Equal("BSD", loaded.Metadata.License);
        Assert.Equal(["COPYING"], loaded.LicenseFiles);
    }

    [Fact]
    public void Load_FindPackages_ExcludesAndIncludesTopLevelPackages()
    {
        Cfg("[metadata]\nname = shop\nversion = 1\n[options]\npackages = find:\n[options.packages.find]\nexclude =\n    tests\n    tests.*\n")
            .Write("shopapp/__init__.py", "").Write("tests/__init__.py", "").Write("docs/conf.py", "")
            .Write("shopapp/static/site.css", "body {}");

        // setuptools' own rules select: find: keeps shopapp, drops tests; include_package_data is false in setup.cfg,
        // so without package_data the stylesheet stays out, as setuptools 66 leaves it out.
        Assert.IsType<SetuptoolsBuildOptions>(_project.LoadOk().Selection.Backend);
        Assert.Equal(["shopapp/__init__.py"], WheelPaths(_project.LoadOk()));
    }

    private static List<string> WheelPaths(LoadedProject loaded)
    {
        var (selection, diagnostics) = TempTree.Select(loaded.Selection);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return TempTree.Paths(selection.Wheel);
    }
}
