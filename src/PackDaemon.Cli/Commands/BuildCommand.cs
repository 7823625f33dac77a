using System.CommandLine;
using PackDaemon.Cli.Output;
using PackDaemon.Engine.Building;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd build [DIR] [--wheel] [--sdist] [--out DIR] [--json] [--no-daemon]</c>.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string?>("DIR") { Description = "The project folder (holding pyproject.toml). Default: the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var wheel = new Option<bool>("--wheel") { Description = "Build the wheel. With neither --wheel nor --sdist, both are built." };
        var sdist = new Option<bool>("--sdist") { Description = "Build the sdist. With neither --wheel nor --sdist, both are built." };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Default: DIR/dist." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var noDaemon = new Option<bool>("--no-daemon") { Description = "Build in this process without a daemon (currently every build does)." };

        var command = new Command("build", "Build the wheel and the sdist into dist/.") { dir, wheel, sdist, output, json, noDaemon };
        command.SetAction(parse =>
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
                SourceDateEpoch: Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"));
            var result = ProjectBuilder.Build(request);
            return BuildResultPrinter.Print(result, root, parse.GetValue(json), stdout, stderr);
        });
        return command;
    }
}
