using System.Text;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// Reads MANIFEST.in as setuptools does (distutils' TextFile: <c>#</c> starts a comment unless written <c>\#</c>, a
/// trailing <c>\</c> joins the next line, blank lines are skipped, words are split on whitespace). A line setuptools
/// cannot use is skipped with a warning there; packd skips it too, so the artifacts stay the same, and reports it with
/// its line number as a warning.
/// </summary>
internal static class ManifestTemplate
{
    public const string FileName = "MANIFEST.in";

    public static List<ManifestCommand> Parse(string text, DiagnosticBag diagnostics)
    {
        var commands = new List<ManifestCommand>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]);
            if (pending.Length == 0)
            {
                start = i + 1;
            }
            else
            {
                line = line.TrimStart();
            }

            string trimmed = line.TrimEnd();
            if (trimmed.EndsWith('\\'))
            {
                pending.Append(trimmed[..^1]);
                continue;
            }

            pending.Append(line);
            string logical = pending.ToString().Trim();
            pending.Clear();
            if (logical.Length > 0 && ParseLine(logical, start, diagnostics) is { } command)
            {
                commands.Add(command);
            }
        }

        if (pending.Length > 0 && pending.ToString().Trim() is { Length: > 0 } rest && ParseLine(rest, start, diagnostics) is { } last)
        {
            commands.Add(last);
        }

        return commands;
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        while (hash >= 0)
        {
            if (hash == 0 || line[hash - 1] != '\\')
            {
                return line[..hash];
            }

            hash = line.IndexOf('#', hash + 1);
        }

        return line.Replace("\\#", "#", StringComparison.Ordinal);
    }

    private static ManifestCommand? ParseLine(string line, int lineNumber, DiagnosticBag diagnostics)
    {
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        string action = words[0];
        string? problem = action switch
        {
            "include" or "exclude" or "global-include" or "global-exclude" when words.Length < 2
                => $"'{action}' expects <pattern1> <pattern2> ...",
            "recursive-include" or "recursive-exclude" when words.Length < 3
                => $"'{action}' expects <dir> <pattern1> <pattern2> ...",
            "graft" or "prune" when words.Length != 2
                => $"'{action}' expects a single <dir_pattern>",
            "include" or "exclude" or "global-include" or "global-exclude" or "recursive-include" or "recursive-exclude" or "graft" or "prune"
                => null,
            _ => $"unknown action '{action}'",
        };

        if (problem is not null)
        {
            diagnostics.Warning(DiagnosticCodes.ManifestLineInvalid,
                $"{FileName}, line {lineNumber}: {problem}; setuptools skips this line with a warning, and so does packd.",
                FileName,
                lineNumber,
                1,
                fix: "Use one of include, exclude, recursive-include, recursive-exclude, global-include, global-exclude, graft, prune "
                    + "with its words, e.g. 'recursive-include app/templates *.html'.");
            return null;
        }

        return action.StartsWith("recursive-", StringComparison.Ordinal)
            ? new ManifestCommand(lineNumber, action, words[1].TrimEnd('/'), words[2..])
            : new ManifestCommand(lineNumber, action, null, words[1..]);
    }
}
