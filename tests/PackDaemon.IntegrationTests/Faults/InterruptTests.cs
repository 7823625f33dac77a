using System.Diagnostics;
using System.Globalization;
using PackDaemon.IntegrationTests.Delegation;
using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Faults;

/// <summary>Ctrl+C or SIGTERM on a <c>packd build</c> waiting for the daemon is the user's wish, not a bug: it once
/// printed "internal error: TaskCanceledException ... This is a bug in packd".</summary>
public sealed class InterruptTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("-TERM")]
    [InlineData("-INT")]
    public async Task SignalOnAWaitingBuild_ExitsWith130_AndAPlainMessage(string signal)
    {
        await using var sandbox = new DaemonSandbox();
        using var temp = new TempDirectory();
        var project = temp.Combine("slow");
        Directory.CreateDirectory(project);
        var started = temp.Combine("backend-started");
        // The backend announces that it runs, then waits; the delegate timeout bounds it for the daemon's sake.
        File.WriteAllText(Path.Combine(project, "setup.py"), $"""
            import time
            open({System.Text.Json.JsonSerializer.Serialize(started)}, "w").close()
            time.sleep(25)
            from setuptools import setup
            setup(name="slow", version="1.0")
            """);
        var info = new ProcessStartInfo(Packd.Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["build", project])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in sandbox.Environment.Concat(DebianPython.Environment(("PACKD_DELEGATE_TIMEOUT", "20"))))
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var build = Process.Start(info)!;
        var stderr = build.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await Eventually.WaitUntilAsync(() => File.Exists(started), s_patience, "the daemon runs the backend");
            await ProcessRunner.RunAsync("kill", [signal, build.Id.ToString(CultureInfo.InvariantCulture)]);
            await build.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(s_patience, TestContext.Current.CancellationToken);

            var message = await stderr;
            Assert.True(build.ExitCode == 130, $"exit {build.ExitCode}: {message}");
            Assert.Contains("packd: interrupted", message, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", message, StringComparison.Ordinal);
        }
        finally
        {
            if (!build.HasExited)
            {
                build.Kill();
            }
        }
    }
}
