using System.CommandLine;
using System.Globalization;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Output;
using PackDaemon.Protocol;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd status [--json]</c>: what the daemon is doing. Never starts a daemon: asking whether one runs
/// must not change the answer.</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON on stdout." };
        var command = new Command("status", "Show the daemon (pid, version, uptime, memory) and every workspace it watches. Starts nothing.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var runtime = RuntimeDirectory.Resolve();
            var connector = new DaemonConnector(runtime, DaemonExecutable.NextToPackd);
            DaemonProbe probe;
            try
            {
                probe = await connector.ProbeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RuntimeDirectoryException ex)
            {
                stderr.WriteLine($"packd: {ex.Message} {ex.Fix}");
                return ExitCodes.BuildError;
            }

            if (probe.Client is not { } client)
            {
                if (probe.Pid is { } pid)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"a daemon packd cannot talk to is running (pid {pid}): {probe.Reason}. 'packd stop' stops it."));
                    return ExitCodes.Success;
                }

                StatusPrinter.PrintNotRunning(runtime.Path, LastStop.TryRead(runtime), parse.GetValue(json), stdout);
                return ExitCodes.Success;
            }

            await using (client.ConfigureAwait(false))
            {
                StatusResult status;
                try
                {
                    status = await client.StatusAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is DaemonConnectionLostException or JsonRpcException)
                {
                    stderr.WriteLine($"packd: the daemon (pid {client.Daemon.Pid}) did not answer 'status': {ex.Message}");
                    return ExitCodes.BuildError;
                }

                StatusPrinter.PrintRunning(status, client.Daemon.DaemonBuild, runtime.Path, parse.GetValue(json), stdout);
                if (!probe.Compatible && !parse.GetValue(json))
                {
                    stdout.WriteLine($"note: {probe.Reason}; the next 'packd build' replaces it.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
