using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class RequirementsDependenciesTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_SetuptoolsDynamicDependencies_ReadsEveryFileInOrder()
    {
        _project.Write("requirements.txt", "# pinned\nFlask==3.0.3\n-r base.txt\n").Write("base.txt", "click==8.1.7\n").Write("extra.txt", "itsdangerous==2.2.0\n")
            .Pyproject("""
                [project]
                name = "a"
                version = "1"
                dynamic = ["dependencies"]
                [tool.setuptools.dynamic]
                dependencies = {file = ["requirements.txt", "extra.txt"]}
                """);

        var loaded = _project.LoadOk();

        Assert.Equal(["Flask==3.0.3", "click==8.1.7", "itsdangerous==2.2.0"], loaded.Metadata.RequiresDist);
        Assert.Equal(["pyproject.toml", "requirements.txt", "base.txt", "extra.txt"], loaded.MetadataInputs);
        Assert.Equal(loaded.MetadataInputs, loaded.Selection.SdistRequiredFiles);
        // setuptools itself would stop at the -r line: packd says so, at that line, and builds anyway.
        var warning = Assert.Single(_project.Diagnostics.Items, d => d.Code == DiagnosticCodes.SetuptoolsRequirementsSyntax);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(("requirements.txt", 3), (warning.File, warning.Line));
        Assert.Contains("-r base.txt", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SetuptoolsDynamicDependencies_PlainPipFreezeOutput_NoWarning()
    {
        _project.Write("requirements.txt", "# pip freeze\nFlask==3.0.3  # web\nclick==8.1.7\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies"]
            [tool.setuptools.dynamic]
            dependencies = {file = "requirements.txt"}
            """);

        _project.LoadOk();

        Assert.DoesNotContain(_project.Diagnostics.Items, d => d.Code == DiagnosticCodes.SetuptoolsRequirementsSyntax);
    }

    [Fact]
    public void Load_HatchRequirementsHook_PipSyntaxIsNoSetuptoolsConcern()
    {
        _project.Write("requirements.txt", "-r base.txt\n").Write("base.txt", "click==8.1.7\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies"]
            [tool.hatch.metadata.hooks.requirements_txt]
            files = ["requirements.txt"]
            """);

        _project.LoadOk();

        Assert.DoesNotContain(_project.Diagnostics.Items, d => d.Code == DiagnosticCodes.SetuptoolsRequirementsSyntax);
    }

    [Fact]
    public void Load_SetuptoolsDynamicOptionalDependencies_MarkedWithExtra()
    {
        _project.Write("requirements-pg.txt", "psycopg==3.2.1 ; python_version >= '3.9'\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["optional-dependencies"]
            [tool.setuptools.dynamic]
            optional-dependencies = {Postgres = {file = "requirements-pg.txt"}}
            """);

        var extra = Assert.Single(_project.LoadOk().Metadata.Extras);

        Assert.Equal("postgres", extra.Name);
        Assert.Equal(["psycopg==3.2.1; (python_version >= \"3.9\") and extra == \"postgres\""], extra.RequiresDist);
    }

    [Fact]
    public void Load_HatchRequirementsTxt_FilesAndOptionalDependencies()
    {
        _project.Write("requirements.txt", "fastapi==0.115.0\n").Write("requirements-dev.txt", "pytest==8.3.2\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies", "optional-dependencies"]
            [project.optional-dependencies]
            dev = ["ruff"]
            [tool.hatch.metadata.hooks.requirements_txt]
            files = ["requirements.txt"]
            optional-dependencies = {dev = ["requirements-dev.txt"]}
            """);

        var metadata = _project.LoadOk().Metadata;

        Assert.Equal(["fastapi==0.115.0"], metadata.RequiresDist);
        var dev = Assert.Single(metadata.Extras);
        Assert.Equal(["ruff; extra == \"dev\"", "pytest==8.3.2; extra == \"dev\""], dev.RequiresDist);
    }

    [Fact]
    public void Load_RequirementsFileMissing_PointsAtTheConfig()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies"]
            [tool.hatch.metadata.hooks.requirements_txt]
            files = ["requirements.txt"]
            """);

        var error = _project.LoadError(DiagnosticCodes.ReferencedFileMissing);

        Assert.Equal(6, error.Line);
        Assert.Equal(10, error.Column);
    }

    [Fact]
    public void Load_InvalidRequirementInFile_ReportedByTheParserAndLoadFails()
    {
        _project.Write("requirements.txt", "flask==3.0\nnot a requirement!!\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies"]
            [tool.setuptools.dynamic]
            dependencies = {file = ["requirements.txt"]}
            """);

        Assert.Null(_project.Load());
        var error = Assert.Single(_project.Diagnostics.Items, d => d.IsError);
        Assert.Equal("requirements.txt", error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Load_SetuptoolsDirectiveWithoutFile_Rejected()
    {
        _project.Pyproject("""
            [project]
            name = "a"
            version = "1"
            dynamic = ["dependencies"]
            [tool.setuptools.dynamic]
            dependencies = {files = ["requirements.txt"]}
            """);

        Assert.Equal(6, _project.LoadError(DiagnosticCodes.RequirementsFileConfigInvalid).Line);
    }
}
