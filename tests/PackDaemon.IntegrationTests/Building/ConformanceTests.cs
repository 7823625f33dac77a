using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Building;

/// <summary>
/// The differential conformance suite (issue 4, section 3): every project under tests/conformance/&lt;backend&gt;/ is built
/// by the real backend (Debian's, installed by scripts/prereqs.sh) and by packd, and tests/conformance/compare.py
/// compares wheel entries, METADATA, WHEEL, entry points, the sdist members and PKG-INFO. The differences found must be
/// exactly the case's allow-list (&lt;case&gt;.case.toml), each explained in docs/compatibility.md. pdm-backend and uv_build,
/// which cannot be installed here, are compared with the expected lists of &lt;case&gt;.expected.toml instead.
/// </summary>
public sealed class ConformanceTests
{
    // The reference backends are Debian packages, so they run under Debian's interpreter, not the tests' python3.
    private const string DebianPython = "/usr/bin/python3";

    // Project trees several backends' cases share (a case names one with `base`); not a backend.
    private const string SharedTrees = "trees";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string backend in Directory.EnumerateDirectories(ConformanceRoot).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(backend) == SharedTrees)
            {
                continue;
            }

            foreach (string project in Directory.EnumerateDirectories(backend).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(backend), Path.GetFileName(project));
            }
        }

        return data;
    }

    private static string ConformanceRoot => Path.Combine(RepositoryPaths.Root, "tests", "conformance");

    [Fact]
    public void Suite_HasSeveralHatchlingCases()
        => Assert.True(Directory.GetDirectories(Path.Combine(ConformanceRoot, "hatchling")).Length >= 10, "the hatchling fixtures are missing");

    [Fact]
    public void Suite_HasSeveralPoetryCoreCases()
        => Assert.True(Directory.GetDirectories(Path.Combine(ConformanceRoot, "poetry-core")).Length >= 5, "the poetry-core fixtures are missing");

    [Fact]
    public void Suite_HasSeveralSetuptoolsCases()
        => Assert.True(Directory.GetDirectories(Path.Combine(ConformanceRoot, "setuptools")).Length >= 8, "the setuptools fixtures are missing");

    [Fact]
    public void Suite_HasSeveralSetuptoolsCfgCases()
        => Assert.True(Directory.GetDirectories(Path.Combine(ConformanceRoot, "setuptools-cfg")).Length >= 4, "the setup.cfg fixtures are missing");

    [Fact]
    public void Suite_HasSeveralFlitCases()
        => Assert.True(Directory.GetDirectories(Path.Combine(ConformanceRoot, "flit_core")).Length >= 5, "the flit_core fixtures are missing");

    // pdm-backend and uv_build cannot be installed here: compare.py checks their cases against <case>.expected.toml,
    // the file lists their documented rules give (tests/conformance/expected.py).
    [Fact]
    public void Suite_HasSeveralPdmBackendCases()
        => Assert.True(ExpectedListCases("pdm-backend") >= 4, "the pdm-backend fixtures or their expected lists are missing");

    [Fact]
    public void Suite_HasSeveralUvBuildCases()
        => Assert.True(ExpectedListCases("uv_build") >= 4, "the uv_build fixtures or their expected lists are missing");

    private static int ExpectedListCases(string backend)
    {
        string folder = Path.Combine(ConformanceRoot, backend);
        return Directory.GetDirectories(folder).Count(project => File.Exists(project + ".expected.toml"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Build_SameArtifactsAsTheBackend_ExceptTheListedDifferences(string backend, string project)
    {
        string caseDirectory = Path.Combine(ConformanceRoot, backend, project);
        var result = await ProcessRunner.RunAsync(
            DebianPython,
            [Path.Combine(ConformanceRoot, "compare.py"), caseDirectory, "--packd", Packd.Executable],
            timeout: TimeSpan.FromMinutes(5));

        // compare.py's text report names every differing entry, and every allowed difference that no longer occurs.
        Assert.True(result.ExitCode == 0, $"{backend}/{project} differs from {backend}'s own build:\n{result}");
    }
}
