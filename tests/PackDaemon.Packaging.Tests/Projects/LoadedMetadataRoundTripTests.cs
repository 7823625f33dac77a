using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Tests.Metadata;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class LoadedMetadataRoundTripTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void LoadThenWrite_EmailParserReadsWhatPyprojectSaid()
    {
        _project.Write("README.md", "# Boutique\n\nÇa marche.\n").Write("LICENSE", "MIT License\n").Pyproject("""
            [project]
            name = "Flask_Shop"
            version = "01.02.0"
            description = "Une boutique Flask"
            readme = "README.md"
            license = "mit"
            requires-python = ">=3.10"
            authors = [{name = "Zoë Ünal", email = "zoe@example.org"}]
            dependencies = ["Flask>=3.0"]
            [project.optional-dependencies]
            PG = ["psycopg>=3.2; python_version >= '3.10'"]
            """);

        var loaded = _project.LoadOk();
        var (headers, body, defects) = PythonMetadataParser.Parse(CoreMetadataWriter.Write(loaded.Metadata, ArtifactKind.Wheel));

        Assert.Empty(defects);
        string One(string name) => Assert.Single(headers, h => h.Key == name).Value;
        Assert.Equal("2.4", One("Metadata-Version"));
        Assert.Equal("Flask_Shop", One("Name"));
        Assert.Equal("1.2.0", One("Version"));
        Assert.Equal("MIT", One("License-Expression"));
        Assert.Equal("LICENSE", One("License-File"));
        Assert.Equal("Zoë Ünal <zoe@example.org>", One("Author-email"));
        Assert.Equal("pg", One("Provides-Extra"));
        Assert.Equal(
            ["Flask>=3.0", "psycopg>=3.2; (python_version >= \"3.10\") and extra == \"pg\""],
            headers.Where(h => h.Key == "Requires-Dist").Select(h => h.Value));
        Assert.Equal("text/markdown", One("Description-Content-Type"));
        Assert.Equal("# Boutique\n\nÇa marche.\n", body);
    }
}
