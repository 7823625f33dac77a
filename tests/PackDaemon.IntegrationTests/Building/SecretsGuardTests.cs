using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Building;

/// <summary>The secrets guard, end to end through the real CLI: refused by default, allowed only by explicit say.</summary>
public sealed class SecretsGuardTests
{
    [Fact]
    public async Task Build_ProjectWithSecrets_RefusesNamingEachFileAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("secrets");
        var outDir = temp.Combine("out");

        var result = await Packd.RunAsync("build", project, "--out", outDir);

        Assert.Equal(1, result.ExitCode);
        var errors = result.StdErr.Split('\n').Where(l => l.Contains(": error PD4", StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, l => l.Contains("secrets_pkg/.env:1", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.Contains("deploy/id_rsa:1", StringComparison.Ordinal));

        // tests/.env holds FOO=env: a fixture, not a secret. It may warn but never blocks the build.
        Assert.DoesNotContain(errors, l => l.Contains("tests/.env", StringComparison.Ordinal));
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any());
    }

    [Fact]
    public async Task Build_SecretsOnTheAllowList_BuildsAndSaysTheAllowListWasUsed()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("secrets");
        File.AppendAllText(
            Path.Combine(project, "pyproject.toml"),
            "\n[tool.packd]\nsecrets-allow = [\"secrets_pkg/.env\", \"deploy/id_rsa\"]\n");

        var result = await Packd.RunAsync("build", project, "--out", temp.Combine("out"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("secrets-allow", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SecretsIgnoredByGit_AreNotPackagedAndDoNotBlock()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("secrets");
        File.WriteAllText(Path.Combine(project, ".gitignore"), ".env\nid_rsa\n");

        var result = await Packd.RunAsync("build", project, "--out", temp.Combine("out"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var built = BuiltArtifacts.Parse(result.StdOut);
        var names = await Python.RunScriptAsync(
            "import sys, tarfile, zipfile; print(zipfile.ZipFile(sys.argv[1]).namelist() + tarfile.open(sys.argv[2]).getnames())",
            built.Wheel,
            built.Sdist);
        Assert.DoesNotContain(".env", names.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("id_rsa", names.StdOut, StringComparison.Ordinal);
    }
}
