using PackDaemon.Packaging.Metadata;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class ProjectLoaderMappingTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_NameAndVersion_KeepsDisplayNameAndNormalizesVersion()
    {
        _project.Pyproject("[project]\nname = \"My.App\"\nversion = \"1.2.0-RC1\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal("My.App", loaded.Metadata.Name);
        Assert.Equal("1.2.0rc1", loaded.Metadata.Version);
        Assert.Equal("1.2.0rc1", loaded.Version);
        Assert.Equal("my_app", loaded.DistributionName);
        Assert.Equal("my_app", loaded.Selection.ImportName);
    }

    [Fact]
    public void Load_Description_BecomesSummary()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndescription = \"One line only\"\n");

        Assert.Equal("One line only", _project.LoadOk().Metadata.Summary);
    }

    [Theory]
    [InlineData("README.md", "text/markdown")]
    [InlineData("README.rst", "text/x-rst")]
    [InlineData("README.txt", "text/plain")]
    [InlineData("readme.MD", "text/markdown")]
    public void Load_ReadmeString_ContentTypeFromExtension(string file, string contentType)
    {
        _project.Write(file, "# Hello\nWörld\n")
            .Pyproject($"[project]\nname = \"a\"\nversion = \"1\"\nreadme = \"{file}\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal(contentType, loaded.Metadata.DescriptionContentType);
        Assert.Equal("# Hello\nWörld\n", loaded.Metadata.Description);
        Assert.Contains(file, loaded.MetadataInputs);
        Assert.Contains(file, loaded.Selection.SdistRequiredFiles);
    }

    [Fact]
    public void Load_ReadmeTableWithText_UsesTextAndContentType()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nreadme = {text = \"Hi\", content-type = \"text/markdown; variant=GFM\"}\n");

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal("Hi", metadata.Description);
        Assert.Equal("text/markdown; variant=GFM", metadata.DescriptionContentType);
    }

    [Fact]
    public void Load_ReadmeTableWithFileAndCharset_ReadsFileAndAddsCharset()
    {
        _project.Write("README", "body")
            .Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nreadme = {file = \"README\", content-type = \"text/plain\", charset = \"UTF-8\"}\n");

        var loaded = _project.LoadOk();

        Assert.Equal("body", loaded.Metadata.Description);
        Assert.Equal("text/plain; charset=UTF-8", loaded.Metadata.DescriptionContentType);
        Assert.Contains("README", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_RequiresPython_IsCanonicalSpecifier()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nrequires-python = \" >= 3.10 \"\n");

        Assert.Equal(">=3.10", _project.LoadOk().Metadata.RequiresPython);
    }

    [Fact]
    public void Load_LicenseString_IsNormalizedExpression()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nlicense = \"mit or apache-2.0\"\nlicense-files = []\n");

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal("MIT OR Apache-2.0", metadata.LicenseExpression);
        Assert.Null(metadata.License);
        Assert.Empty(metadata.LicenseFiles);
    }

    [Fact]
    public void Load_LicenseFilesGlobs_IncludeEveryMatchSorted()
    {
        _project.Write("LICENSE", "MIT").Write("licenses/b.txt", "b").Write("licenses/sub/a.txt", "a").Write("NOTICE", "n")
            .Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nlicense = \"MIT\"\nlicense-files = [\"LICEN[CS]E\", \"licenses/**\"]\n");

        var loaded = _project.LoadOk();

        Assert.Equal(["LICENSE", "licenses/b.txt", "licenses/sub/a.txt"], loaded.Metadata.LicenseFiles);
        Assert.Equal(loaded.Metadata.LicenseFiles, loaded.LicenseFiles);
        Assert.Contains("licenses/sub/a.txt", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_NoLicenseFilesKey_UsesDefaultGlobsAtRootOnly()
    {
        _project.Write("LICENCE.txt", "x").Write("COPYING", "x").Write("AUTHORS.md", "x").Write("NOTICE", "x")
            .Write("LICENSEE", "x").Write("docs/LICENSE", "x").Write("MYLICENSE", "x")
            .Pyproject("[project]\nname = \"a\"\nversion = \"1\"\n");

        var files = _project.LoadOk().Metadata.LicenseFiles;

        Assert.Equal(["AUTHORS.md", "COPYING", "LICENCE.txt", "LICENSEE", "NOTICE"], files);
    }

    [Fact]
    public void Load_LegacyLicenseFile_BecomesLicenseText()
    {
        _project.Write("COPYING.txt", "Line one\n\nLine three\n")
            .Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nlicense = {file = \"COPYING.txt\"}\n");

        var loaded = _project.LoadOk();

        Assert.Equal("Line one\n\nLine three\n", loaded.Metadata.License);
        Assert.Null(loaded.Metadata.LicenseExpression);
        Assert.Contains("COPYING.txt", loaded.MetadataInputs);
    }

    [Fact]
    public void Load_LegacyLicenseText_BecomesLicense()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nlicense = {text = \"Proprietary\"}\n");

        Assert.Equal("Proprietary", _project.LoadOk().Metadata.License);
    }

    [Fact]
    public void Load_Authors_SplitByTableRules()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            authors = [{name = "Only Name"}, {email = "only@example.org"}, {name = "Jane Doe", email = "jane@example.org"}, {name = "Zoë"}]
            maintainers = [{name = "M", email = "m@example.org"}]
            """);

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal("Only Name, Zoë", metadata.Author);
        Assert.Equal("only@example.org, Jane Doe <jane@example.org>", metadata.AuthorEmail);
        Assert.Null(metadata.Maintainer);
        Assert.Equal("M <m@example.org>", metadata.MaintainerEmail);
    }

    [Fact]
    public void Load_KeywordsClassifiersUrls_Mapped()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            keywords = ["web", "flask"]
            classifiers = ["Framework :: Flask", "Programming Language :: Python :: 3"]
            [project.urls]
            Source = "https://example.org/src"
            Documentation = "https://example.org/docs"
            """);

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal(["web", "flask"], metadata.Keywords);
        Assert.Equal(["Framework :: Flask", "Programming Language :: Python :: 3"], metadata.Classifiers);
        Assert.Equal([new ProjectUrl("Source", "https://example.org/src"), new ProjectUrl("Documentation", "https://example.org/docs")], metadata.ProjectUrls);
    }

    [Fact]
    public void Load_Dependencies_CanonicalRequiresDist()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndependencies = [\"Flask >= 3.0\", \"gunicorn; sys_platform != 'win32'\"]\n");

        Assert.Equal(["Flask>=3.0", "gunicorn; sys_platform != \"win32\""], _project.LoadOk().Metadata.RequiresDist);
    }

    [Fact]
    public void Load_HatchlingProject_SpellsRequiresDistAsHatchlingDoes()
    {
        _project.Pyproject("""
            [build-system]
            build-backend = "hatchling.build"
            [project]
            name = "a"
            version = "1"
            dependencies = ["Django>=4.2,<5.1", "Zope.Interface[Test_Extra]>=6.0RC1"]
            [project.optional-dependencies]
            db = ["Psycopg[Binary]>=3.1"]
            """);

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal(["django<5.1,>=4.2", "zope-interface[test-extra]>=6.0rc1"], metadata.RequiresDist);
        Assert.Equal(["psycopg[binary]>=3.1; extra == \"db\""], metadata.Extras[0].RequiresDist);
    }

    [Theory]
    [InlineData("setuptools.build_meta")]
    [InlineData("flit_core.buildapi")]
    public void Load_OtherBackends_KeepTheRequirementNameAsWritten(string backend)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n[project]\nname = \"a\"\nversion = \"1\"\ndescription = \"d\"\ndependencies = [\"Django>=4.2\"]\n");

        Assert.Equal(["Django>=4.2"], _project.LoadOk().Metadata.RequiresDist);
    }

    [Fact]
    public void Load_OptionalDependencies_NormalizedExtrasWithCombinedMarkers()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            [project.optional-dependencies]
            Postgres_DB = ["psycopg[binary]>=3.2", "uvloop; sys_platform != 'win32' or python_version < '3.12'"]
            empty = []
            """);

        var extras = _project.LoadOk().Metadata.Extras;

        Assert.Equal(2, extras.Count);
        Assert.Equal("postgres-db", extras[0].Name);
        Assert.Equal(
            ["psycopg[binary]>=3.2; extra == \"postgres-db\"",
             "uvloop; (sys_platform != \"win32\" or python_version < \"3.12\") and extra == \"postgres-db\""],
            extras[0].RequiresDist);
        Assert.Equal("empty", extras[1].Name);
        Assert.Empty(extras[1].RequiresDist);
    }

    [Fact]
    public void Load_ScriptsGuiScriptsEntryPoints_GroupedIncludingScripts()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            [project.scripts]
            shop = "flask_shop.cli:main"
            [project.gui-scripts]
            shop-gui = "flask_shop.gui:run.app"
            [project.entry-points."flask.commands"]
            seed = "flask_shop.commands"
            """);

        var entryPoints = _project.LoadOk().EntryPoints;

        Assert.Equal("flask_shop.cli:main", entryPoints["console_scripts"]["shop"]);
        Assert.Equal("flask_shop.gui:run.app", entryPoints["gui_scripts"]["shop-gui"]);
        Assert.Equal("flask_shop.commands", entryPoints["flask.commands"]["seed"]);
    }

    [Fact]
    public void Load_ImportNames_MappedAndValidated()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nimport-names = [\"flask_shop\", \"flask_shop._vendor; private\"]\n");

        Assert.Equal(["flask_shop", "flask_shop._vendor; private"], _project.LoadOk().Metadata.ImportNames);
    }

    [Fact]
    public void Load_MetadataInputs_PyprojectFirstThenReadmeLicenses()
    {
        _project.Write("README.md", "r").Write("LICENSE", "l")
            .Pyproject("[project]\nname = \"a\"\nversion = \"1\"\nreadme = \"README.md\"\nlicense = \"MIT\"\n");

        var loaded = _project.LoadOk();

        Assert.Equal(["pyproject.toml", "README.md", "LICENSE"], loaded.MetadataInputs);
        Assert.Equal(loaded.MetadataInputs, loaded.Selection.SdistRequiredFiles);
    }
}
