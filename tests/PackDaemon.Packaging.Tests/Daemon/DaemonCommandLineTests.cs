using PackDaemon.Daemon.Hosting;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class DaemonCommandLineTests
{
    [Fact]
    public void Parse_NoArguments_UsesDefaults()
    {
        var options = DaemonCommandLine.Parse([], _ => null, out _);

        Assert.Equal(DaemonOptions.Default, options);
    }

    [Fact]
    public void Parse_OptionsOverrideEnvironment()
    {
        string? Env(string name) => name switch { "PACKD_IDLE_TIMEOUT" => "5", "PACKD_KEEP_ALIVE" => "7", _ => null };

        var fromEnv = DaemonCommandLine.Parse([], Env, out _);
        var fromArgs = DaemonCommandLine.Parse(["--detach", "--idle-timeout", "1", "--keep-alive", "2"], Env, out _);

        Assert.Equal(new DaemonOptions(false, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(7)), fromEnv);
        Assert.Equal(new DaemonOptions(true, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), fromArgs);
    }

    [Theory]
    [InlineData("--idle-timeout", "soon")]
    [InlineData("--keep-alive", "-1")]
    [InlineData("--frobnicate")]
    [InlineData("--idle-timeout")]
    public void Parse_BadArguments_ExplainWhy(params string[] args)
    {
        var options = DaemonCommandLine.Parse(args, _ => null, out var error);

        Assert.Null(options);
        Assert.False(string.IsNullOrEmpty(error));
    }
}
