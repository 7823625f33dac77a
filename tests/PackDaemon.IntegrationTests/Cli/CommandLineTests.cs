using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("build", "--wheel")]
    [InlineData("check", "--json")]
    [InlineData("explain", "PATH")]
    public async Task Help_OnEveryCommand_DescribesItsOptions(string command, string expectedWord)
    {
        var result = await Packd.RunAsync(command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expectedWord, result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageError()
    {
        var result = await Packd.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--help", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitsWithUsageError()
    {
        using var temp = new TempDirectory();

        var result = await Packd.RunAsync("build", temp.Path, "--no-such-option");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Build_MissingProjectFolder_ExitsWithUsageErrorNamingIt()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("nope");

        var result = await Packd.RunAsync("build", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_FolderWithoutPyproject_FailsWithDiagnosticAndWritesNothing()
    {
        using var temp = new TempDirectory();

        var result = await Packd.RunAsync("build", temp.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pyproject.toml", result.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Combine("dist")));
    }
}
