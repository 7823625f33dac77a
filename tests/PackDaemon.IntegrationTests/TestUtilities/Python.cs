namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>The machine's python3 (3.11 with pip, venv and tarfile's data filter) used as the independent judge of our artifacts.</summary>
internal static class Python
{
    public static string Executable => Environment.GetEnvironmentVariable("PACKD_TEST_PYTHON") ?? "python3";

    public static Task<ProcessResult> RunScriptAsync(string code, params string[] arguments)
        => ProcessRunner.RunAsync(Executable, ["-c", code, .. arguments]);

    /// <summary>Runs tests/python/validate_artifacts.py; exit code 0 only when every check passed.</summary>
    public static Task<ProcessResult> ValidateAsync(params string[] arguments)
        => ProcessRunner.RunAsync(Executable, [RepositoryPaths.Validator, .. arguments], timeout: TimeSpan.FromMinutes(4));
}
