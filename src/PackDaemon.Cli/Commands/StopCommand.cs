using System.CommandLine;
using System.Globalization;
using PackDaemon.Cli.Daemon;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd stop</c>: asks the daemon to shut down (it lets in-flight builds finish) and waits until its
/// process has exited, so a following command never meets the old daemon.</summary>
internal static class StopCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("stop", "Stop the daemon after its in-flight builds finish, and wait until it has exited.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = RuntimeDirectory.Resolve();
            var connector = new DaemonConnector(runtime, DaemonExecutable.NextToPackd);
            try
            {
                var probe = await connector.ProbeAsync(cancellationToken).ConfigureAwait(false);
                if (probe.Pid is not { } pid)
                {
                    stdout.WriteLine("no daemon running");
                    return ExitCodes.Success;
                }

                await connector.StopAsync(probe, cancellationToken).ConfigureAwait(false);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stopped the daemon (pid {pid})"));
                return ExitCodes.Success;
            }
            catch (RuntimeDirectoryException ex)
            {
                stderr.WriteLine($"packd: {ex.Message} {ex.Fix}");
                return ExitCodes.BuildError;
            }
            catch (DaemonUnavailableException ex)
            {
                stderr.WriteLine($"packd: {ex.Message}");
                return ExitCodes.BuildError;
            }
        });
        return command;
    }
}
