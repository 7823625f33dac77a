namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// Whether a packd-daemon sits next to the packd under test (packd starts the daemon from its own folder). Tests that
/// need one skip (xunit dynamic skip) only when it is missing, as when someone points PACKD_TEST_EXE at a lone packd;
/// scripts/test.sh always publishes both. A daemon that is present but does not serve makes those tests fail.
/// </summary>
internal static class DaemonAvailability
{
    public static Task SkipUnlessAvailableAsync()
    {
        var daemon = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Packd.Executable))!, "packd-daemon");
        Assert.SkipUnless(File.Exists(daemon),
            $"no packd-daemon next to {Packd.Executable} (publish with 'dotnet publish src/PackDaemon.Cli -c Release -o DIR' and set PACKD_TEST_EXE)");
        return Task.CompletedTask;
    }
}
