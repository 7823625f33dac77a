using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Projects.SetupCfg;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Tests.Projects.SetupCfg;

/// <summary>The [tool.setuptools] table the translation writes for setuptools' file-selection rules to read.</summary>
public sealed class SetupCfgTranslatorTests : IDisposable
{
    private readonly TempProject _project = new();
    private readonly DiagnosticBag _diagnostics = new();

    public void Dispose() => _project.Dispose();

    private TomlTable Translate(string cfg, TomlTable? pyproject = null)
    {
        var ini = IniFile.Parse(cfg, _diagnostics)!;
        var translation = SetupCfgTranslator.Translate(ini, _project.Root, pyproject, TomlLocationIndex.Build(new Tomlyn.Syntax.DocumentSyntax()), _diagnostics);
        Assert.True(translation is not null, string.Join("\n", _diagnostics.Items));
        return translation.Document;
    }

    private static TomlTable Table(TomlTable table, string dotted)
    {
        foreach (var key in dotted.Split('.'))
        {
            table = (TomlTable)table[key];
        }

        return table;
    }

    [Fact]
    public void IncludePackageData_IsAlwaysWritten_FalseUnlessSetupCfgSaysTrue()
    {
        Assert.Equal(false, Table(Translate("[metadata]\nname = a\nversion = 1\n"), "tool.setuptools")["include-package-data"]);
        Assert.Equal(true, Table(Translate("[metadata]\nname = a\nversion = 1\n[options]\ninclude_package_data = True\n"), "tool.setuptools")["include-package-data"]);
    }

    [Fact]
    public void FindNamespace_WithWhereIncludeExclude_BecomesPackagesFind()
    {
        var find = Table(Translate("[metadata]\nname = a\nversion = 1\n[options]\npackages = find_namespace:\n[options.packages.find]\nwhere = src, other\ninclude = app*\nexclude =\n    app.tests\n"),
            "tool.setuptools.packages.find");

        Assert.Equal(new object[] { "src" }, (TomlArray)find["where"]);
        Assert.Equal(new object[] { "app*" }, (TomlArray)find["include"]);
        Assert.Equal(new object[] { "app.tests" }, (TomlArray)find["exclude"]);
        Assert.Equal(true, find["namespaces"]);
    }

    [Fact]
    public void PackageDirDataFilesScriptsAndModules_KeepSetuptoolsShapes()
    {
        var setuptools = Table(Translate("""
            [metadata]
            name = a
            version = 1
            [options]
            packages = app, app.sub
            package_dir =
                = lib
            py_modules = single
            scripts = bin/run
            [options.package_data]
            * = *.txt
            app = templates/*.html, static/*
            [options.exclude_package_data]
            app = *.bak
            [options.data_files]
            share/app = data/a.json
            """), "tool.setuptools");

        Assert.Equal(new object[] { "app", "app.sub" }, (TomlArray)setuptools["packages"]);
        Assert.Equal("lib", Table(setuptools, "package-dir")[""]);
        Assert.Equal(new object[] { "single" }, (TomlArray)setuptools["py-modules"]);
        Assert.Equal(new object[] { "bin/run" }, (TomlArray)setuptools["script-files"]);
        Assert.Equal(new object[] { "templates/*.html", "static/*" }, (TomlArray)Table(setuptools, "package-data")["app"]);
        Assert.Equal(new object[] { "*.txt" }, (TomlArray)Table(setuptools, "package-data")["*"]);
        Assert.Equal(new object[] { "*.bak" }, (TomlArray)Table(setuptools, "exclude-package-data")["app"]);
        Assert.Equal(new object[] { "data/a.json" }, (TomlArray)Table(setuptools, "data-files")["share/app"]);
    }

    [Fact]
    public void AttrVersion_BecomesSetuptoolsDynamicVersion()
    {
        var document = Translate("[metadata]\nname = a\nversion = attr: a.about.__version__\n");

        Assert.Equal(new object[] { "version" }, (TomlArray)Table(document, "project")["dynamic"]);
        Assert.Equal("a.about.__version__", Table(document, "tool.setuptools.dynamic.version")["attr"]);
    }

    [Fact]
    public void NoBuildSystem_GetsPep517sFallbackBackend_AndAPyprojectBuildSystemIsKept()
    {
        Assert.Equal("setuptools.build_meta:__legacy__", Table(Translate("[metadata]\nname = a\nversion = 1\n"), "build-system")["build-backend"]);

        var declared = new TomlTable { ["build-system"] = new TomlTable { ["build-backend"] = "setuptools.build_meta" } };
        Assert.Equal("setuptools.build_meta", Table(Translate("[metadata]\nname = a\nversion = 1\n", declared), "build-system")["build-backend"]);
    }

    [Fact]
    public void DictLineWithoutEquals_IsAnErrorAtThatItem()
    {
        var ini = IniFile.Parse("[metadata]\nname = a\nversion = 1\nproject_urls =\n    Source = https://x.org\n    https://y.org\n", _diagnostics)!;

        Assert.Null(SetupCfgTranslator.Translate(ini, _project.Root, null, TomlLocationIndex.Build(new Tomlyn.Syntax.DocumentSyntax()), _diagnostics));
        var error = Assert.Single(_diagnostics.Items, d => d.IsError);
        Assert.Equal((DiagnosticCodes.SetupCfgValueInvalid, "setup.cfg", 6, 5), (error.Code, error.File, error.Line, error.Column));
    }
}
