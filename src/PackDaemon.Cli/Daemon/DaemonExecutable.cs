using System.Diagnostics;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Daemon;

/// <summary>The <c>packd-daemon</c> installed next to <c>packd</c>: where it is, which build it is, and how to start it.
/// The client only ever starts this one, so the CLI and the daemon always come from the same install.</summary>
internal sealed class DaemonExecutable
{
    private readonly Lazy<string?> _build;

    public DaemonExecutable(string folder)
    {
        Folder = folder;
        Path = System.IO.Path.Combine(folder, DaemonBuildId.ExecutableName);
        _build = new Lazy<string?>(() => Exists ? DaemonBuildId.Compute(folder) : null);
    }

    /// <summary>The one next to this process (the folder of the packd executable).</summary>
    public static DaemonExecutable NextToPackd { get; } = new(AppContext.BaseDirectory);

    public string Folder { get; }

    public string Path { get; }

    public bool Exists => File.Exists(Path);

    /// <summary>The build string the daemon reports in <c>initialize</c>; null when it is missing.</summary>
    public string? Build => _build.Value;

    /// <summary>What to tell the user when it is missing.</summary>
    public string MissingMessage =>
        $"packd-daemon was not found next to packd (looked for '{Path}'). Reinstall packd, or publish it with " +
        "'dotnet publish src/PackDaemon.Cli -c Release -o DIR', which puts packd and packd-daemon in DIR.";

    /// <summary>
    /// Starts <c>packd-daemon --detach</c>. Through <c>/bin/sh -c 'exec …'</c> with stdin, stdout and stderr on
    /// /dev/null: an inherited pipe would keep whoever reads our output (a script, a test, an editor) waiting for EOF
    /// until the daemon exits, and a redirected one would break when we exit. exec keeps the pid the daemon's.
    /// Its own log is daemon.log in the runtime folder.
    /// </summary>
    public Process StartDetached()
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,

            // Not the caller's folder: a daemon must not keep a project folder (or a test's temp folder) busy.
            WorkingDirectory = "/",
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" --detach </dev/null >/dev/null 2>&1");
        info.ArgumentList.Add(Path);
        return Process.Start(info) ?? throw new DaemonUnavailableException($"could not start '{Path}'");
    }

    /// <summary>Waits until <paramref name="pid"/> has exited. Polls with kill(pid, 0) because the daemon is usually
    /// not our child, and waiting on a non-child has no portable notification.</summary>
    /// <returns>False when it was still running at the timeout.</returns>
    public static async Task<bool> WaitForExitAsync(int pid, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        while (PosixNative.ProcessExists(pid))
        {
            if (time.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
