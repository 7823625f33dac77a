using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PackDaemon.Cli.Daemon;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd daemon [--idle-timeout S] [--keep-alive S]</c>: runs packd-daemon in the foreground with this
/// terminal, for debugging and for service managers, and returns its exit code.</summary>
internal static class DaemonCommand
{
    public static Command Create(TextWriter stderr)
    {
        var idle = new Option<int?>("--idle-timeout") { Description = "Seconds without connections or workspaces after which the daemon exits.", HelpName = "S" };
        var keepAlive = new Option<int?>("--keep-alive") { Description = "Seconds an unheld workspace stays watched before it closes.", HelpName = "S" };
        var command = new Command("daemon", "Run the daemon in the foreground (logs to this terminal; Ctrl+C stops it).") { idle, keepAlive };

        // A synchronous action: the signals are ours to forward, not System.CommandLine's to turn into a cancellation.
        command.SetAction(parse =>
        {
            var executable = DaemonExecutable.NextToPackd;
            if (!executable.Exists)
            {
                stderr.WriteLine("packd: " + executable.MissingMessage);
                return ExitCodes.BuildError;
            }

            var info = new ProcessStartInfo(executable.Path) { UseShellExecute = false };
            AddSeconds(info, "--idle-timeout", parse.GetValue(idle));
            AddSeconds(info, "--keep-alive", parse.GetValue(keepAlive));
            using var process = Process.Start(info);
            if (process is null)
            {
                stderr.WriteLine($"packd: could not start '{executable.Path}'.");
                return ExitCodes.BuildError;
            }

            // The daemon shuts down cleanly on SIGINT/SIGTERM; we stay alive until it has, and report its exit code.
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Forward(context, process.Id, 2));
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Forward(context, process.Id, PosixNative.SignalTerminate));
            process.WaitForExit();
            return process.ExitCode;
        });
        return command;
    }

    private static void AddSeconds(ProcessStartInfo info, string option, int? seconds)
    {
        if (seconds is { } value)
        {
            info.ArgumentList.Add(option);
            info.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void Forward(PosixSignalContext context, int pid, int signal)
    {
        context.Cancel = true;

        // Ctrl+C in a terminal already reached the daemon (same process group); sending it again is harmless, and
        // a SIGINT sent to packd alone (kill -INT) must reach it too.
        _ = PosixNative.Kill(pid, signal);
    }
}
