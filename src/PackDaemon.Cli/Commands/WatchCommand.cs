using System.CommandLine;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Output;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd watch [DIR]</c>: keep the project built by the daemon and print every build until Ctrl+C.</summary>
internal static class WatchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string?>("DIR") { Description = "The project folder (holding pyproject.toml). Default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("watch", "Rebuild on every change through the daemon and print one line per build, until Ctrl+C.") { dir };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = ProjectDirectory.Resolve(parse.GetValue(dir), stderr);
            if (root is null)
            {
                return ExitCodes.UsageError;
            }

            if (DaemonPreference.InProcessRequested(noDaemonOption: false))
            {
                stderr.WriteLine($"packd: watch needs the daemon, and {DaemonPreference.DisableVariable} is set. Unset it, or use 'packd build' in a loop.");
                return ExitCodes.UsageError;
            }

            var connector = new DaemonConnector(RuntimeDirectory.Resolve(), DaemonExecutable.NextToPackd);
            var printer = new WatchPrinter(stdout, stderr, root, live: !Console.IsOutputRedirected);
            return await new WatchSession(connector, root, printer).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
