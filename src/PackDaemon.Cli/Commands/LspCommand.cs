using System.CommandLine;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Lsp;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd lsp</c>: a Language Server on stdin/stdout for editors other than VS Code, bridging to the daemon
/// (see <see cref="LspServer"/>).</summary>
internal static class LspCommand
{
    public static Command Create(TextWriter stderr)
    {
        var command = new Command("lsp", "Serve the Language Server Protocol on stdin/stdout: daemon diagnostics, requirement hovers and a build code lens for any LSP editor.");
        command.SetAction(async (_, cancellationToken) =>
        {
            if (DaemonPreference.InProcessRequested(noDaemonOption: false))
            {
                stderr.WriteLine($"packd: lsp needs the daemon, and {DaemonPreference.DisableVariable} is set. Unset it in the editor's environment.");
                return ExitCodes.UsageError;
            }

            var connector = new DaemonConnector(RuntimeDirectory.Resolve(), DaemonExecutable.NextToPackd);
            var server = new LspServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), connector);
            await using (server.ConfigureAwait(false))
            {
                try
                {
                    return await server.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (FramingException ex)
                {
                    stderr.WriteLine($"packd lsp: the editor sent a malformed message ({ex.Message}); stopping.");
                    return ExitCodes.BuildError;
                }
            }
        });
        return command;
    }
}
