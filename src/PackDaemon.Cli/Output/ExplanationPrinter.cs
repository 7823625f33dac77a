using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Cli.Output;

/// <summary>Prints <c>packd explain</c>: one line per artifact with the deciding rule.</summary>
internal static class ExplanationPrinter
{
    public static int Print(FileExplanation? explanation, IReadOnlyList<Diagnostic> diagnostics, string root, bool json, TextWriter stdout, TextWriter stderr)
    {
        BuildResultPrinter.PrintDiagnostics(diagnostics, root, stderr);
        if (explanation is null)
        {
            return ExitCodes.BuildError;
        }

        if (json)
        {
            stdout.WriteLine(JsonOutput.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("path", explanation.RelativePath);
                w.WriteStartObject("wheel");
                w.WriteBoolean("included", explanation.InWheel);
                w.WriteString("reason", explanation.WheelReason);
                if (explanation.WheelArchivePath is not null)
                {
                    w.WriteString("archivePath", explanation.WheelArchivePath);
                }

                w.WriteEndObject();
                w.WriteStartObject("sdist");
                w.WriteBoolean("included", explanation.InSdist);
                w.WriteString("reason", explanation.SdistReason);
                w.WriteEndObject();
                JsonOutput.WriteDiagnostics(w, diagnostics);
                w.WriteEndObject();
            }));
        }
        else
        {
            stdout.WriteLine(explanation.RelativePath);
            var archive = explanation.WheelArchivePath is null ? string.Empty : $" as {explanation.WheelArchivePath}";
            stdout.WriteLine($"  wheel: {(explanation.InWheel ? "included" + archive : "not included")} ({explanation.WheelReason})");
            stdout.WriteLine($"  sdist: {(explanation.InSdist ? "included" : "not included")} ({explanation.SdistReason})");
        }

        // The answer stands, but a build of this project would fail: say so in the exit code too.
        return diagnostics.Any(d => d.IsError) ? ExitCodes.BuildError : ExitCodes.Success;
    }
}
