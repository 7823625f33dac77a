namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// Whether a packd-daemon sits next to the packd under test. Tests that need a daemon skip (xunit dynamic skip) only
/// when it is missing, as when someone points PACKD_TEST_EXE at a lone packd; scripts/test.sh always publishes both.
/// A daemon that is present but does not serve makes those tests fail, never skip.
/// </summary>
internal static class DaemonAvailability
{
    private static readonly Lazy<Task<string?>> s_skipReason = new(ProbeAsync);

    /// <returns>Why daemon tests cannot run here, or null when they can.</returns>
    public static Task<string?> SkipReasonAsync() => s_skipReason.Value;

    public static async Task SkipUnlessAvailableAsync()
    {
        var reason = await SkipReasonAsync();
        Assert.SkipUnless(reason is null, reason ?? string.Empty);
    }

    private static Task<string?> ProbeAsync()
    {
        var daemon = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Packd.Executable))!, "packd-daemon");
        return Task.FromResult(File.Exists(daemon)
            ? null
            : $"no packd-daemon next to {Packd.Executable} (publish with 'dotnet publish src/PackDaemon.Cli -c Release -o DIR' and set PACKD_TEST_EXE)");
    }
}
