using System.CommandLine;
using PackDaemon.Cli.Daemon;
using PackDaemon.Cli.Output;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;
using PackDaemon.Packaging.Projects;
using PackDaemon.Protocol;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd build [DIR] [--wheel] [--sdist] [--out DIR] [--python PY] [--json] [--no-daemon]</c>: through the daemon
/// (started when needed), else in this process with one notice line on stderr, never silently.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string?>("DIR") { Description = "The project folder (holding pyproject.toml). Default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var wheel = new Option<bool>("--wheel") { Description = "Build the wheel. With neither --wheel nor --sdist, both are built." };
        var sdist = new Option<bool>("--sdist") { Description = "Build the sdist. With neither --wheel nor --sdist, both are built." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Default: DIR/dist." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var python = PythonOption.Create();
        var noDaemon = new Option<bool>("--no-daemon")
        {
            Description = $"Build in this process; do not use or start the daemon. {DaemonPreference.DisableVariable}=1 does the same.",
        };

        var command = new Command("build", "Build the wheel and the sdist into dist/, through the background daemon (started when needed).")
        {
            dir, wheel, sdist, output, python, json, noDaemon,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = ProjectDirectory.Resolve(parse.GetValue(dir), stderr);
            if (root is null)
            {
                return ExitCodes.UsageError;
            }

            var both = !parse.GetValue(wheel) && !parse.GetValue(sdist);
            var outDir = parse.GetValue(output) is { Length: > 0 } o ? Path.GetFullPath(o) : Path.Combine(root, "dist");
            var request = new BuildRequest(
                root,
                outDir,
                Wheel: both || parse.GetValue(wheel),
                Sdist: both || parse.GetValue(sdist),
                WriteArtifacts: true,
                SourceDateEpoch: Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"))
            {
                PythonOption = parse.GetValue(python),
                PythonVariable = Environment.GetEnvironmentVariable(PythonInterpreterChooser.Variable),
                DelegateTimeout = DelegatedBuilder.TimeoutFromEnvironment(),
            };

            // A folder that is no project is no workspace for the daemon; the in-process build reports it exactly.
            if (DaemonPreference.InProcessRequested(parse.GetValue(noDaemon)) || !ProjectMarkers.IsProjectRoot(root))
            {
                return BuildResultPrinter.Print(ProjectBuilder.Build(request), root, parse.GetValue(json), stdout, stderr);
            }

            var connector = new DaemonConnector(RuntimeDirectory.Resolve(), DaemonExecutable.NextToPackd);
            var parameters = new BuildParams(root, request.Wheel, request.Sdist, outDir, request.PythonOption, request.PythonVariable);
            try
            {
                var report = await DaemonBuild.RunAsync(connector, parameters, cancellationToken).ConfigureAwait(false);
                return BuildResultPrinter.Print(BuildReports.ToBuildResult(report), BuildOrigin.FromDaemon(report), root, parse.GetValue(json), stdout, stderr);
            }
            catch (DaemonUnavailableException ex)
            {
                var result = ProjectBuilder.Build(request);
                stderr.WriteLine($"packd: daemon unavailable ({ex.Message}); built in-process");
                return BuildResultPrinter.Print(result, root, parse.GetValue(json), stdout, stderr);
            }
        });
        return command;
    }
}
