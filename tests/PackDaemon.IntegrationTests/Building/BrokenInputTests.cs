using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Building;

/// <summary>Bad input gets a clear error naming the file, line and column, a non-zero exit, and no artifact.</summary>
public sealed class BrokenInputTests
{
    [Theory]
    [InlineData("broken-pyproject")]
    [InlineData("broken-pyproject-fields")]
    [InlineData("broken-requirements")]
    public async Task Build_BrokenFixture_ReportsEveryExpectedLocationAndWritesNothing(string fixture)
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture(fixture);
        var outDir = temp.Combine("out");

        var result = await Packd.RunAsync("build", project, "--out", outDir);

        Assert.True(result.ExitCode == 1, result.ToString());
        foreach (var location in ExpectedLocations(project))
        {
            Assert.Contains(location, result.StdErr, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public async Task Build_AfterABadEdit_KeepsTheLastGoodArtifacts()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var outDir = temp.Combine("out");
        var good = await BuiltArtifacts.BuildAsync(project, outDir);
        var pyproject = Path.Combine(project, "pyproject.toml");
        File.WriteAllText(pyproject, File.ReadAllText(pyproject).Replace("version = \"", "version = \"not a version", StringComparison.Ordinal));

        var result = await Packd.RunAsync("build", project, "--out", outDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pyproject.toml:", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(good.WheelSha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(good.Wheel))));
        Assert.True(File.Exists(good.Sdist));
        Assert.Equal(2, Directory.GetFiles(outDir).Length);
    }

    [Fact]
    public async Task Check_BrokenFixture_ExitsOneAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("broken-requirements");

        var result = await Packd.RunAsync("check", project);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("requirements.txt:3", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project, "dist")));
    }

    /// <summary>The fixture's expected.txt lists <c>file:line:col</c> of each error; the column may be given loosely.</summary>
    private static IEnumerable<string> ExpectedLocations(string project)
    {
        foreach (var line in File.ReadAllLines(Path.Combine(project, "expected.txt")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var location = line.Split('\t')[0];

            // Keep file:line; the column is asserted by the unit tests of each parser.
            yield return location[..location.LastIndexOf(':')];
        }
    }
}
