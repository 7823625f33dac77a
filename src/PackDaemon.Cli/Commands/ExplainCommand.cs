using System.CommandLine;
using PackDaemon.Cli.Output;
using PackDaemon.Engine.Building;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Cli.Commands;

/// <summary><c>packd explain [DIR] PATH</c>: whether a file goes into the wheel and the sdist, and which rule decided.</summary>
internal static class ExplainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var first = new Argument<string>("DIR_OR_PATH") { Description = "The project folder, or PATH when the project is the current folder." };
        var second = new Argument<string?>("PATH") { Description = "The file to explain, relative to the project or the current folder.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON on stdout." };
        var command = new Command("explain", "Say whether a file is packaged, and which rule decided it.") { first, second, json };
        command.SetAction(parse =>
        {
            var a = parse.GetValue(first)!;
            var b = parse.GetValue(second);
            var root = ProjectDirectory.Resolve(b is null ? "." : a, stderr);
            if (root is null)
            {
                return ExitCodes.UsageError;
            }

            var relative = ToProjectRelative(root, b ?? a);
            if (relative is null)
            {
                stderr.WriteLine($"packd: '{b ?? a}' is outside the project folder '{root}'.");
                return ExitCodes.UsageError;
            }

            var diagnostics = new DiagnosticBag();
            var explanation = ProjectExplainer.Explain(root, relative, diagnostics);
            return ExplanationPrinter.Print(explanation, diagnostics.Sorted(), root, parse.GetValue(json), stdout, stderr);
        });
        return command;
    }

    private static string? ToProjectRelative(string root, string path)
    {
        // A path is taken relative to the project when it exists there, else relative to the current folder.
        var candidate = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
        if (!Path.IsPathRooted(path) && !File.Exists(candidate) && !Directory.Exists(candidate) && File.Exists(Path.GetFullPath(path)))
        {
            candidate = Path.GetFullPath(path);
        }

        var relative = Path.GetRelativePath(root, Path.GetFullPath(candidate));
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative.Replace('\\', '/');
    }
}
