using System.CommandLine;
using PackDaemon.Cli.Commands;

namespace PackDaemon.Cli;

/// <summary>The composition root of <c>packd</c>: the command tree, and parse errors mapped to exit code 2.</summary>
internal static class PackdCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("packd: fast, reproducible wheels and sdists for Python web apps.")
        {
            BuildCommand.Create(stdout, stderr),
            CheckCommand.Create(stdout, stderr),
            ExplainCommand.Create(stdout, stderr),
            WatchCommand.Create(stdout, stderr),
            StatusCommand.Create(stdout, stderr),
            StopCommand.Create(stdout, stderr),
            DaemonCommand.Create(stderr),
            LspCommand.Create(stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"packd: {error.Message}");
            }

            stderr.WriteLine("Run 'packd --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // System.CommandLine cancels the command's token on SIGINT and SIGTERM: the user asked to stop, which is no bug.
            stderr.WriteLine("packd: interrupted; nothing more is written by this command (a build the daemon already started finishes there: see `packd status`).");
            return ExitCodes.Interrupted;
        }
#pragma warning disable CA1031 // The one top-level handler: a bug in packd must print one line, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"packd: internal error: {ex.GetType().Name}: {ex.Message}");
            stderr.WriteLine("This is a bug in packd; please report it with the command you ran. Nothing was written.");
            return ExitCodes.BuildError;
        }
    }
}
