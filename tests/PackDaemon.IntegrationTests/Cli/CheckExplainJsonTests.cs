using System.Security.Cryptography;
using System.Text.Json;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Cli;

public sealed class CheckExplainJsonTests
{
    [Fact]
    public async Task Check_ValidProject_ExitsZeroAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flask-app");

        var result = await Packd.RunAsync("check", project);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Directory.Exists(Path.Combine(project, "dist")));
    }

    [Fact]
    public async Task Build_Json_ReportsEachArtifactWithItsRealSizeAndHash()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");

        var result = await Packd.RunAsync("build", project, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.StdOut);
        var artifacts = doc.RootElement.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.Equal(["wheel", "sdist"], artifacts.Select(a => a.GetProperty("kind").GetString()));
        foreach (var artifact in artifacts)
        {
            var path = artifact.GetProperty("path").GetString()!;
            Assert.Equal(Path.Combine(project, "dist"), Path.GetDirectoryName(path));
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(bytes.LongLength, artifact.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), artifact.GetProperty("sha256").GetString());
            Assert.True(artifact.GetProperty("entries").GetInt32() > 3);
        }
    }

    [Fact]
    public async Task Build_HumanOutput_PrintsOneLinePerArtifact()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flat");

        var result = await Packd.RunAsync("build", project, "--wheel");

        Assert.True(result.ExitCode == 0, result.ToString());
        var line = Assert.Single(result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"\.whl\s+\d+ bytes\s+\d+ entries\s+sha256:[0-9a-f]{64}\s+\d+ ms", line);
        Assert.Empty(Directory.GetFiles(Path.Combine(project, "dist"), "*.tar.gz"));
    }

    [Fact]
    public async Task Explain_StaticFileInPackage_IsInBothArtifacts()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flask-app");

        var result = await Packd.RunAsync("explain", project, "flask_app/static/css/app.css", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.StdOut);
        Assert.True(doc.RootElement.GetProperty("wheel").GetProperty("included").GetBoolean());
        Assert.Equal("flask_app/static/css/app.css", doc.RootElement.GetProperty("wheel").GetProperty("archivePath").GetString());
        Assert.True(doc.RootElement.GetProperty("sdist").GetProperty("included").GetBoolean());
    }

    [Fact]
    public async Task Explain_GitignoredFile_NamesTheIgnoreFileAndLine()
    {
        using var temp = new TempDirectory();
        var project = temp.CopyFixture("flask-app");
        // At the root: hatchling, whose rules a hatchling project gets, reads no .gitignore below it.
        File.WriteAllText(Path.Combine(project, ".gitignore"), "# build output\n*.log\n");
        File.WriteAllText(Path.Combine(project, "flask_app", "debug.log"), "noise");

        var result = await Packd.RunAsync("explain", project, "flask_app/debug.log");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("wheel: not included", result.StdOut, StringComparison.Ordinal);
        Assert.Contains(".gitignore:2", result.StdOut, StringComparison.Ordinal);
    }
}
