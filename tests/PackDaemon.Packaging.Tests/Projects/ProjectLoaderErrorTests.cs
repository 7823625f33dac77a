using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class ProjectLoaderErrorTests : IDisposable
{
    private const string Head = "[project]\nname = \"a\"\nversion = \"1\"\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_PyprojectWithByteOrderMark_IsRefusedBecauseTomllibRejectsIt()
    {
        _project.WriteBytes("pyproject.toml", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Head)]);

        var error = _project.LoadError(DiagnosticCodes.FileNotUtf8);

        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Contains("without a BOM", error.Fix, StringComparison.Ordinal);
    }

    private static void AssertAt(Diagnostic error, string file, int line, int column)
    {
        Assert.Equal(file, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Load_NoPyproject_ReportsMissing()
    {
        var error = _project.LoadError(DiagnosticCodes.PyprojectMissing);

        Assert.Equal("pyproject.toml", error.File);
    }

    [Fact]
    public void Load_TomlSyntaxError_ReportsLineAndColumn()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \n");

        var error = _project.LoadError(DiagnosticCodes.TomlSyntax);

        AssertAt(error, "pyproject.toml", 3, 11);
    }

    [Fact]
    public void Load_DuplicateKey_IsTomlError()
    {
        _project.Pyproject("[project]\nname = \"a\"\nname = \"b\"\nversion = \"1\"\n");

        var error = _project.LoadError(DiagnosticCodes.TomlSyntax);

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Load_NoProjectTable_Reported()
    {
        _project.Pyproject("[tool.x]\na = 1\n");

        _project.LoadError(DiagnosticCodes.ProjectTableMissing);
    }

    [Fact]
    public void Load_InvalidName_PointsAtValue()
    {
        _project.Pyproject("[project]\nname = \"-bad-\"\nversion = \"1\"\n");

        AssertAt(_project.LoadError(DiagnosticCodes.NameInvalid), "pyproject.toml", 2, 8);
    }

    [Fact]
    public void Load_InvalidVersion_PointsAtValue()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1.0-final\"\n");

        var error = _project.LoadError(DiagnosticCodes.VersionInvalid);

        AssertAt(error, "pyproject.toml", 3, 11);
        Assert.Contains("1.0-final", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingVersionNotDynamic_Reported()
    {
        _project.Pyproject("[project]\nname = \"a\"\n");

        Assert.Contains("dynamic", _project.LoadError(DiagnosticCodes.VersionInvalid).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongType_NamesExpectedType()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = 1.0\n");

        var error = _project.LoadError(DiagnosticCodes.FieldType);

        AssertAt(error, "pyproject.toml", 3, 11);
        Assert.Contains("must be a string", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("one\\ntwo", 0x0A)]
    [InlineData("one\\rtwo", 0x0D)]
    [InlineData("one\\u2028two", 0x2028)]
    [InlineData("one\\u0085two", 0x85)]
    [InlineData("one\\u001etwo", 0x1E)]
    public void Load_DescriptionWithLineBreak_Rejected(string escaped, int codePoint)
    {
        _project.Pyproject(Head + $"description = \"{escaped}\"\n");

        var error = _project.LoadError(DiagnosticCodes.LineBreakInField);

        Assert.Equal(4, error.Line);
        Assert.Contains($"U+{codePoint:X4}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeUnknownExtension_Rejected()
    {
        _project.Write("README.html", "x").Pyproject(Head + "readme = \"README.html\"\n");

        AssertAt(_project.LoadError(DiagnosticCodes.ReadmeInvalid), "pyproject.toml", 4, 10);
    }

    [Fact]
    public void Load_ReadmeTableFileAndText_Rejected()
    {
        _project.Write("R.md", "x").Pyproject(Head + "readme = {file = \"R.md\", text = \"x\", content-type = \"text/markdown\"}\n");

        Assert.Contains("mutually exclusive", _project.LoadError(DiagnosticCodes.ReadmeInvalid).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeTableWithoutContentType_Rejected()
    {
        _project.Write("R.md", "x").Pyproject(Head + "readme = {file = \"R.md\"}\n");

        Assert.Contains("content-type", _project.LoadError(DiagnosticCodes.ReadmeInvalid).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeUnsupportedContentType_Rejected()
    {
        _project.Pyproject(Head + "readme = {text = \"x\", content-type = \"text/html\"}\n");

        _project.LoadError(DiagnosticCodes.ReadmeInvalid);
    }

    [Fact]
    public void Load_ReadmeMissingFile_Reported()
    {
        _project.Pyproject(Head + "readme = \"README.md\"\n");

        var error = _project.LoadError(DiagnosticCodes.ReferencedFileMissing);

        AssertAt(error, "pyproject.toml", 4, 10);
        Assert.Contains("README.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeOutsideProject_Reported()
    {
        _project.Pyproject(Head + "readme = \"../README.md\"\n");

        Assert.Contains("outside", _project.LoadError(DiagnosticCodes.ReferencedFileMissing).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeNotUtf8_ReportsTheReadmeFile()
    {
        _project.WriteBytes("README.md", [(byte)'o', (byte)'k', (byte)'\n', (byte)'a', 0xFF, (byte)'b'])
            .Pyproject(Head + "readme = \"README.md\"\n");

        var error = _project.LoadError(DiagnosticCodes.FileNotUtf8);

        Assert.Equal("README.md", error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Load_RequiresPythonInvalid_Reported()
    {
        _project.Pyproject(Head + "requires-python = \">=3.x\"\n");

        AssertAt(_project.LoadError(DiagnosticCodes.RequiresPythonInvalid), "pyproject.toml", 4, 22); // the invalid version `3.x`
    }

    [Fact]
    public void Load_RequiresPythonWithMarker_Rejected()
    {
        _project.Pyproject(Head + "requires-python = \">=3.10; os_name == 'nt'\"\n");

        _project.LoadError(DiagnosticCodes.RequiresPythonInvalid);
    }

    [Fact]
    public void Load_LicenseExpressionInvalid_Reported()
    {
        _project.Pyproject(Head + "license = \"MIT OR Nonsense-License\"\nlicense-files = []\n");

        AssertAt(_project.LoadError(DiagnosticCodes.LicenseInvalid), "pyproject.toml", 4, 11);
    }

    [Fact]
    public void Load_LicenseExpressionWithLicenseClassifier_Rejected()
    {
        _project.Pyproject(Head + "license = \"MIT\"\nlicense-files = []\nclassifiers = [\"License :: OSI Approved :: MIT License\"]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.LicenseInvalid), "pyproject.toml", 6, 16);
    }

    [Theory]
    [InlineData("flit_core.buildapi")]
    [InlineData("setuptools.build_meta")]
    [InlineData("pdm.backend")]
    public void Load_LicenseExpressionWithLicenseClassifier_RejectedWhereTheBackendRejectsIt(string backend)
    {
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Head + "license = \"MIT\"\nlicense-files = []\nclassifiers = [\"License :: OSI Approved :: MIT License\"]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.LicenseInvalid), "pyproject.toml", 8, 16);
    }

    [Theory]
    [InlineData("hatchling.build")]
    public void Load_LicenseExpressionWithLicenseClassifier_UnderHatchling_IsKeptWithAWarning(string backend)
    {
        // Debian's hatchling 1.12 writes both License-Expression and the classifier (starlette, uvicorn and httpx ship this).
        _project.Pyproject($"[build-system]\nbuild-backend = \"{backend}\"\n" + Head + "license = \"MIT\"\nlicense-files = []\nclassifiers = [\"License :: OSI Approved :: MIT License\"]\n");

        var loaded = _project.LoadOk();

        Assert.Contains("License :: OSI Approved :: MIT License", loaded.Metadata.Classifiers);
        var warning = Assert.Single(_project.Diagnostics.Items, d => d.Code == DiagnosticCodes.LicenseInvalid);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Load_LicenseFilesGlobMatchingNothing_PointsAtTheGlob()
    {
        _project.Write("LICENSE", "x").Pyproject(Head + "license = \"MIT\"\nlicense-files = [\"LICENSE\", \"NOTICE*\"]\n");

        var error = _project.LoadError(DiagnosticCodes.LicenseFilesInvalid);

        AssertAt(error, "pyproject.toml", 5, 29);
        Assert.Contains("NOTICE*", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../LICENSE")]
    [InlineData("/LICENSE")]
    [InlineData("lic\\\\LICENSE")]
    [InlineData("LIC{A,B}")]
    public void Load_LicenseFilesInvalidGlob_Rejected(string glob)
    {
        _project.Pyproject(Head + $"license = \"MIT\"\nlicense-files = [\"{glob}\"]\n");

        Assert.Equal(5, _project.LoadError(DiagnosticCodes.LicenseFilesInvalid).Line);
    }

    [Fact]
    public void Load_LicenseFileNotUtf8_Rejected()
    {
        _project.WriteBytes("LICENSE", [0xC3, 0x28]).Pyproject(Head + "license = \"MIT\"\n");

        Assert.Equal("LICENSE", _project.LoadError(DiagnosticCodes.FileNotUtf8).File);
    }

    [Fact]
    public void Load_LicenseFilesWithLegacyTable_Rejected()
    {
        _project.Write("LICENSE", "x").Pyproject(Head + "license = {text = \"MIT\"}\nlicense-files = [\"LICENSE\"]\n");

        _project.LoadError(DiagnosticCodes.LicenseInvalid);
    }

    [Fact]
    public void Load_LegacyLicenseTableWithBothKeys_Rejected()
    {
        _project.Pyproject(Head + "license = {text = \"MIT\", file = \"LICENSE\"}\n");

        _project.LoadError(DiagnosticCodes.LicenseInvalid);
    }

    [Fact]
    public void Load_AuthorNameWithComma_PointsAtTheComma()
    {
        _project.Pyproject(Head + "authors = [{name = \"Doe, Jane\"}]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.PersonInvalid), "pyproject.toml", 4, 24);
    }

    [Fact]
    public void Load_AuthorBadEmail_Rejected()
    {
        _project.Pyproject(Head + "authors = [{name = \"Jane\", email = \"jane at example\"}]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.PersonInvalid), "pyproject.toml", 4, 36);
    }

    [Fact]
    public void Load_AuthorUnknownKey_Rejected()
    {
        _project.Pyproject(Head + "authors = [{name = \"Jane\", mail = \"j@example.org\"}]\n");

        _project.LoadError(DiagnosticCodes.PersonInvalid);
    }

    [Fact]
    public void Load_KeywordWithComma_Rejected()
    {
        _project.Pyproject(Head + "keywords = [\"ok\", \"a,b\"]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.KeywordInvalid), "pyproject.toml", 4, 21);
    }

    [Fact]
    public void Load_UrlLabelTooLong_Rejected()
    {
        _project.Pyproject(Head + "[project.urls]\n\"This label is far longer than 32 chars\" = \"https://example.org\"\n");

        AssertAt(_project.LoadError(DiagnosticCodes.UrlInvalid), "pyproject.toml", 5, 44);
    }

    [Fact]
    public void Load_UrlNotAbsolute_Rejected()
    {
        _project.Pyproject(Head + "urls = {Home = \"example.org\"}\n");

        _project.LoadError(DiagnosticCodes.UrlInvalid);
    }

    [Fact]
    public void Load_InvalidDependency_PointsInsideTheString()
    {
        _project.Pyproject(Head + "dependencies = [\n  \"flask\",\n  \"requests >= \",\n]\n");

        var error = _project.LoadError(DiagnosticCodes.DependencyInvalid);

        Assert.Equal("pyproject.toml", error.File);
        Assert.Equal(6, error.Line);
        Assert.True(error.Column > 3, error.ToString());
        Assert.Contains("requests >=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtrasCollideAfterNormalization_Rejected()
    {
        _project.Pyproject(Head + "[project.optional-dependencies]\ndev_tools = []\n\"Dev.Tools\" = []\n");

        var error = _project.LoadError(DiagnosticCodes.ExtraInvalid);

        AssertAt(error, "pyproject.toml", 6, 15);
        Assert.Contains("dev-tools", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidExtraName_Rejected()
    {
        _project.Pyproject(Head + "[project.optional-dependencies]\n\"-bad\" = []\n");

        _project.LoadError(DiagnosticCodes.ExtraInvalid);
    }

    [Theory]
    [InlineData("console_scripts")]
    [InlineData("gui_scripts")]
    public void Load_ScriptGroupsInEntryPoints_Rejected(string group)
    {
        _project.Pyproject(Head + $"[project.entry-points.{group}]\nx = \"m:f\"\n");

        var error = _project.LoadError(DiagnosticCodes.EntryPointInvalid);

        Assert.Equal(4, error.Line);
        Assert.Contains("scripts", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("m:")]
    [InlineData("1m:f")]
    [InlineData("m:f:g")]
    [InlineData("m.:f")]
    [InlineData("m f")]
    public void Load_InvalidObjectReference_Rejected(string reference)
    {
        _project.Pyproject(Head + $"[project.scripts]\ntool = \"{reference}\"\n");

        AssertAt(_project.LoadError(DiagnosticCodes.EntryPointInvalid), "pyproject.toml", 5, 8);
    }

    [Fact]
    public void Load_EntryPointNestedGroup_Rejected()
    {
        _project.Pyproject(Head + "[project.entry-points.a.b]\nx = \"m:f\"\n");

        _project.LoadError(DiagnosticCodes.FieldType);
    }

    [Fact]
    public void Load_ManyErrors_AllReported()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"x y\"\ndescription = \"a\\nb\"\nkeywords = [\"a,b\"]\n");

        Assert.Null(_project.Load());

        var codes = _project.Diagnostics.Items.Where(d => d.IsError).Select(d => d.Code).ToHashSet();
        Assert.Contains(DiagnosticCodes.VersionInvalid, codes);
        Assert.Contains(DiagnosticCodes.LineBreakInField, codes);
        Assert.Contains(DiagnosticCodes.KeywordInvalid, codes);
    }

    [Fact]
    public void Load_UnknownProjectKey_IsWarningOnly()
    {
        _project.Pyproject(Head + "dependecies = []\n");

        Assert.NotNull(_project.Load());
        var warning = Assert.Single(_project.Diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ProjectUnknownKey, warning.Code);
        Assert.Equal(4, warning.Line);
    }

    [Fact]
    public void Load_ImportNameAlsoNamespace_Rejected()
    {
        _project.Pyproject(Head + "import-names = [\"shop\"]\nimport-namespaces = [\"shop\"]\n");

        Assert.Equal(5, _project.LoadError(DiagnosticCodes.ImportNameInvalid).Line);
    }

    [Fact]
    public void Load_EmptyImportNamespaces_Rejected()
    {
        _project.Pyproject(Head + "import-namespaces = []\n");

        _project.LoadError(DiagnosticCodes.ImportNameInvalid);
    }

    [Fact]
    public void Load_InvalidImportName_Rejected()
    {
        _project.Pyproject(Head + "import-names = [\"shop-app\"]\n");

        AssertAt(_project.LoadError(DiagnosticCodes.ImportNameInvalid), "pyproject.toml", 4, 17);
    }

    [Fact]
    public void Load_UrlLabelWithComma_Rejected()
    {
        _project.Pyproject(Head + "urls = {\"Docs, v2\" = \"https://example.org\"}\n");

        Assert.Equal(4, _project.LoadError(DiagnosticCodes.UrlInvalid).Line);
    }

    [Fact]
    public void Load_PyprojectNotUtf8_ReportsPosition()
    {
        _project.WriteBytes("pyproject.toml", [.. "[project]\nname = \""u8.ToArray(), 0xFF, .. "\"\n"u8.ToArray()]);

        var error = _project.LoadError(DiagnosticCodes.FileNotUtf8);

        Assert.Equal("pyproject.toml", error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Load_DeprecatedSpdxId_WarnsButLoads()
    {
        _project.Pyproject(Head + "license = \"GPL-2.0\"\nlicense-files = []\n");

        Assert.NotNull(_project.Load());
        var warning = Assert.Single(_project.Diagnostics.Items);
        Assert.Equal(DiagnosticCodes.LicenseDeprecatedId, warning.Code);
        Assert.Equal(4, warning.Line);
    }

    [Fact]
    public void Load_LocalVersion_WarnsButLoads()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1.0+build.7\"\n");

        Assert.Equal("1.0+build.7", _project.Load()?.Version);
        Assert.Equal(DiagnosticCodes.VersionHasLocalLabel, Assert.Single(_project.Diagnostics.Items).Code);
    }

    [Fact]
    public void Load_ReadmeCharsetNotUtf8_Rejected()
    {
        _project.Write("README", "x").Pyproject(Head + "readme = {file = \"README\", content-type = \"text/plain\", charset = \"latin-1\"}\n");

        var error = _project.LoadError(DiagnosticCodes.ReadmeInvalid);

        AssertAt(error, "pyproject.toml", 4, 67); // the opening quote of "latin-1"
        Assert.Contains("UTF-8", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyPyproject_ReportsMissingProjectTable()
    {
        _project.Pyproject("");

        Assert.Equal("pyproject.toml", _project.LoadError(DiagnosticCodes.ProjectTableMissing).File);
    }
}
