using System.Diagnostics;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Building;

/// <summary>Defects found in review, each pinned by the scenario that exposed it.</summary>
public sealed class ReviewRegressionTests
{
    [Fact]
    public async Task Build_NamedPipeInThePackage_IsRefusedByName_InsteadOfBlockingOnIt()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var mkfifo = await ProcessRunner.RunAsync("mkfifo", [Path.Combine(project, "flat_pkg", "pipe")]);
        Assert.Equal(0, mkfifo.ExitCode);
        var sw = Stopwatch.StartNew();

        var result = await Packd.RunAsync(["build", project, "--out", temp.Combine("out")], timeout: TimeSpan.FromSeconds(60));

        // Once packaged as an empty file; now refused, and still without ever opening the pipe.
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("flat_pkg/pipe: error PD5004", result.StdErr, StringComparison.Ordinal);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Build_SecondArtifactFailsToWrite_NeitherArtifactIsRenamedIntoPlace()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        var outDir = temp.Combine("out");
        var probe = await BuiltArtifacts.BuildAsync(project, temp.Combine("probe"));

        // The sdist's target name is taken by a non-empty folder, so renaming the sdist fails after the wheel is written.
        var blocked = Path.Combine(outDir, Path.GetFileName(probe.Sdist));
        Directory.CreateDirectory(blocked);
        File.WriteAllText(Path.Combine(blocked, "keep"), "x");

        var result = await Packd.RunAsync("build", project, "--out", outDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PD5002", result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDir, Path.GetFileName(probe.Wheel))), "the wheel was renamed although the sdist failed");
        Assert.Empty(Directory.GetFiles(outDir, ".*.tmp"));
    }

    [Fact]
    public async Task Explain_PackageHiddenByGitignore_ReportsTheBuildErrorAndExitsOne()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        File.WriteAllText(Path.Combine(project, ".gitignore"), "flat_pkg/\n");

        var result = await Packd.RunAsync("explain", project, "flat_pkg/__init__.py");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PD3004", result.StdErr, StringComparison.Ordinal);
        Assert.Contains(".gitignore:1", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_FileWithASecret_RunsTheSecretsGuard()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        File.WriteAllText(Path.Combine(project, "flat_pkg", ".env"), "SECRET_KEY=s3cr3t-value-for-the-test\n");

        var result = await Packd.RunAsync("explain", project, "flat_pkg/.env");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PD4005", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value-for-the-test", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Json_KeepsNonAsciiAndQuotesReadable()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat", "café's");

        var result = await Packd.RunAsync("build", project, "--json", "--wheel");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("café's", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_PackageHiddenByGitignore_SaysItExistsButIsExcluded()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        File.WriteAllText(Path.Combine(project, ".gitignore"), "flat_pkg/\n");

        var result = await Packd.RunAsync("build", project, "--out", temp.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("flat_pkg/__init__.py exists but is excluded", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("packd explain flat_pkg/__init__.py", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_TwoSpellingsOfOneUnicodeName_SaysSoInsteadOfBlamingCase()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");
        File.WriteAllText(Path.Combine(project, "flat_pkg", "caf\u00e9.txt"), "composed");
        File.WriteAllText(Path.Combine(project, "flat_pkg", "cafe\u0301.txt"), "decomposed");

        var result = await Packd.RunAsync("build", project, "--out", temp.Combine("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unicode-normalized", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("differ only by case", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_AFolder_SaysItIsAFolderRatherThanMissing()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flask-app");

        var result = await Packd.RunAsync("explain", project, "flask_app/static");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("a folder", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", result.StdOut, StringComparison.Ordinal);
    }
}
