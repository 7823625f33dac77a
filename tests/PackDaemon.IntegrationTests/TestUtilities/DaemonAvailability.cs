using System.Diagnostics;

namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// Whether a real packd-daemon sits next to the packd under test. Tests that need a daemon skip (xunit dynamic skip)
/// when it is missing, or when it is the skeleton that exits at once without serving (before feat/daemon is merged).
/// A daemon that exits with an error is not skipped: that is a failure the tests must show.
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

    private static async Task<string?> ProbeAsync()
    {
        var daemon = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Packd.Executable))!, "packd-daemon");
        if (!File.Exists(daemon))
        {
            return $"no packd-daemon next to {Packd.Executable} (publish with 'dotnet publish src/PackDaemon.Cli -c Release -o DIR' and set PACKD_TEST_EXE)";
        }

        var runtime = $"/tmp/pdp-{Guid.NewGuid().ToString("N")[..10]}";
        var info = new ProcessStartInfo(daemon) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["PACKD_RUNTIME_DIR"] = runtime;
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            await Eventually.WaitUntilAsync(() => process.HasExited || File.Exists(Path.Combine(runtime, "daemon.json")), TimeSpan.FromSeconds(20), "packd-daemon is ready or exits");
            if (process.HasExited && process.ExitCode == 0)
            {
                return "packd-daemon exits at once without serving (the skeleton; feat/daemon is not merged)";
            }

            return null;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            try
            {
                Directory.Delete(runtime, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }
}
