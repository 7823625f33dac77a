namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// Runs the real <c>packd</c>: the published Native AOT executable when <c>PACKD_TEST_EXE</c> names it (the test
/// command publishes it first, so CI tests exactly what users run), else the build's copy next to this assembly.
/// </summary>
internal static class Packd
{
    public static string Executable => Environment.GetEnvironmentVariable("PACKD_TEST_EXE") is { Length: > 0 } published
        ? published
        : Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "packd.exe" : "packd");

    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        // A fixed SOURCE_DATE_EPOCH from the developer's shell must not leak into tests that expect the default. Builds
        // run in-process unless a test opts into the daemon with a DaemonSandbox, so no test starts a daemon in the
        // developer's own runtime folder.
        var env = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = null, ["PACKD_NO_DAEMON"] = "1" };
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                env[k] = v;
            }
        }

        return ProcessRunner.RunAsync(Executable, arguments, workingDirectory, env, timeout);
    }

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);
}
