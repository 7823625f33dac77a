using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class DynamicRulesTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_NameInDynamic_Rejected()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"name\"]\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicInvalid);

        Assert.Equal(4, error.Line);
        Assert.Equal(12, error.Column);
    }

    [Fact]
    public void Load_StaticAndDynamicScalar_Rejected()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndescription = \"d\"\ndynamic = [\"description\"]\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicInvalid);

        Assert.Equal(5, error.Line);
        Assert.Contains("description", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StaticAndDynamicVersion_Rejected()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"version\"]\n");

        _project.LoadError(DiagnosticCodes.DynamicInvalid);
    }

    [Fact]
    public void Load_UnknownKeyInDynamic_Rejected()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"versions\"]\n");

        _project.LoadError(DiagnosticCodes.DynamicInvalid);
    }

    [Theory]
    [InlineData("readme", "hatch-fancy-pypi-readme")]
    [InlineData("description", "docstring")]
    [InlineData("classifiers", "setuptools")]
    public void Load_DynamicKeyPackdCannotCompute_NamesTheBackendFeature(string key, string feature)
    {
        _project.Pyproject($"[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"{key}\"]\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicUnsupported);

        Assert.Contains(feature, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_StaticAndDynamicExtendableKey_AllowedAndAppended()
    {
        _project.Write("requirements.txt", "gunicorn==23.0.0\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            dependencies = ["flask>=3"]
            dynamic = ["dependencies"]
            [tool.setuptools.dynamic]
            dependencies = {file = ["requirements.txt"]}
            """);

        Assert.Equal(["flask>=3", "gunicorn==23.0.0"], _project.LoadOk().Metadata.RequiresDist);
    }

    [Fact]
    public void Load_DynamicDependenciesWithoutSource_NamesTheFeatures()
    {
        _project.Pyproject("[project]\nname = \"a\"\nversion = \"1\"\ndynamic = [\"dependencies\"]\n");

        var error = _project.LoadError(DiagnosticCodes.DynamicUnsupported);

        Assert.Contains("hatch-requirements-txt", error.Fix, StringComparison.Ordinal);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_RequirementsConfigWithoutDynamic_Ignored()
    {
        // A backend cannot fill in a key that is not listed in `dynamic` (PEP 621).
        _project.Write("requirements.txt", "gunicorn==23.0.0\n").Pyproject("""
            [project]
            name = "a"
            version = "1"
            [tool.setuptools.dynamic]
            dependencies = {file = ["requirements.txt"]}
            """);

        var loaded = _project.LoadOk();

        Assert.Empty(loaded.Metadata.RequiresDist);
        Assert.DoesNotContain("requirements.txt", loaded.MetadataInputs);
    }
}
