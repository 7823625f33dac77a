using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Building;

/// <summary>The same tree gives the same bytes: twice, from another checkout path, and from the unpacked sdist.</summary>
public sealed class ReproducibilityTests
{
    [Fact]
    public async Task Build_Twice_GivesIdenticalBytes()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flask-app");

        var first = await BuiltArtifacts.BuildAsync(project, temp.Combine("one"));
        var second = await BuiltArtifacts.BuildAsync(project, temp.Combine("two"));

        Assert.Equal(first.WheelSha256, second.WheelSha256);
        Assert.Equal(first.SdistSha256, second.SdistSha256);
        Assert.Equal(File.ReadAllBytes(first.Wheel), File.ReadAllBytes(second.Wheel));
    }

    [Fact]
    public async Task Build_FromMovedCheckoutWithOtherMtimes_GivesIdenticalBytes()
    {
        using var temp = new TempDirectory();
        var original = temp.CopyFixture("flask-app", "checkout-a");
        var moved = temp.CopyFixture("flask-app", "somewhere/else/checkout-b");
        foreach (var file in Directory.EnumerateFiles(moved, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        }

        var a = await BuiltArtifacts.BuildAsync(original, temp.Combine("out-a"));
        var b = await BuiltArtifacts.BuildAsync(moved, temp.Combine("out-b"));

        Assert.Equal(a.WheelSha256, b.WheelSha256);
        Assert.Equal(a.SdistSha256, b.SdistSha256);
    }

    [Theory]
    [InlineData("flask-app")]
    [InlineData("requirements-includes")]
    [InlineData("license-expression")]
    [InlineData("dynamic-version")]
    public async Task Build_FromUnpackedSdist_GivesTheSameWheel(string fixture)
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture(fixture);
        var fromTree = await BuiltArtifacts.BuildAsync(project, temp.Combine("tree-out"));
        var unpacked = temp.Combine("unpacked");
        var extract = await Python.RunScriptAsync(
            "import sys, tarfile; tarfile.open(sys.argv[1], 'r:gz').extractall(sys.argv[2], filter='data')",
            fromTree.Sdist,
            unpacked);
        Assert.True(extract.ExitCode == 0, extract.ToString());
        var sdistRoot = Directory.GetDirectories(unpacked).Single();

        var fromSdist = await BuiltArtifacts.BuildAsync(sdistRoot, temp.Combine("sdist-out"));

        Assert.Equal(fromTree.WheelSha256, fromSdist.WheelSha256);
        Assert.Equal(Path.GetFileName(fromTree.Wheel), Path.GetFileName(fromSdist.Wheel));
    }

    [Fact]
    public async Task Build_SourceDateEpochBefore1980_IsClampedAndStillReproducible()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var env = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "0" };

        var first = await BuiltArtifacts.BuildAsync(project, temp.Combine("one"), env);
        var second = await BuiltArtifacts.BuildAsync(project, temp.Combine("two"), env);
        var defaults = await BuiltArtifacts.BuildAsync(project, temp.Combine("three"));

        Assert.Equal(first.WheelSha256, second.WheelSha256);
        Assert.NotEqual(first.WheelSha256, defaults.WheelSha256);
        var dates = await Python.RunScriptAsync(
            "import sys, zipfile; print(sorted({i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()}))", first.Wheel);
        Assert.Equal("[(1980, 1, 1, 0, 0, 0)]", dates.StdOut.Trim());
    }
}
