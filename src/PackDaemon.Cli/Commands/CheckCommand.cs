using System.CommandLine;
using PackDaemon.Cli.Output;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Delegation;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd check [DIR]</c>: every step of a build, the same diagnostics, nothing written.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string?>("DIR") { Description = "The project folder. Default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var python = PythonOption.Create();
        var command = new Command("check", "Report every problem a build would hit, without writing anything.") { dir, python, json };
        command.SetAction(parse =>
        {
            var root = ProjectDirectory.Resolve(parse.GetValue(dir), stderr);
            if (root is null)
            {
                return ExitCodes.UsageError;
            }

            var request = new BuildRequest(root, Path.Combine(root, "dist"), Wheel: true, Sdist: true, WriteArtifacts: false,
                SourceDateEpoch: Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"))
            {
                PythonOption = parse.GetValue(python),
                PythonVariable = Environment.GetEnvironmentVariable(PythonInterpreterChooser.Variable),
                DelegateTimeout = DelegatedBuilder.TimeoutFromEnvironment(),
            };
            var result = ProjectBuilder.Build(request);
            return BuildResultPrinter.PrintCheck(result, root, parse.GetValue(json), stdout, stderr);
        });
        return command;
    }
}
