using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Requirements;

internal sealed partial class RequirementsFileReader
{
    private void ReadOptionLine(
        string fullPath, string display, RequirementsLogicalLine line, List<(string Token, int Offset)> tokens, List<RequirementLine> output)
    {
        (string option, int offset) = tokens[0];
        string name = option;
        string? value = tokens.Count > 1 ? tokens[1].Token : null;
        int consumed = tokens.Count > 1 ? 2 : 1;
        int equals = option.IndexOf('=', StringComparison.Ordinal);
        if (option.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            name = option[..equals];
            value = option[(equals + 1)..];
            consumed = 1;
        }
        else if (!option.StartsWith("--", StringComparison.Ordinal) && option.Length > 2)
        {
            // Short options take their value attached too: "-rbase.txt".
            name = option[..2];
            value = option[2..];
            consumed = 1;
        }

        if (name is "-r" or "--requirement" && tokens.Count > consumed)
        {
            Error(DiagnosticCodes.RequirementsUnsupportedOption, display, line, tokens[consumed].Offset,
                $"'{tokens[consumed].Token}' follows the include; a '-r' line names exactly one file.",
                "Put each include on its own line.");
            return;
        }

        switch (name)
        {
            case "-r" or "--requirement":
                ReadInclude(fullPath, display, line, value, offset, output);
                return;
            case "-e" or "--editable":
                string? freezeNote = line.PrecedingComment is { } comment && comment.Contains("Editable", StringComparison.Ordinal)
                    ? $" pip freeze wrote this for an editable install ({comment.TrimStart('#', ' ')})."
                    : string.Empty;
                Error(DiagnosticCodes.RequirementsEditable, display, line, offset,
                    $"'{option}' installs a project in editable mode from a local checkout; that cannot be a dependency of a published package.{freezeNote}",
                    "If the line is the project being built, delete it (a project does not depend on itself); otherwise publish that project and require it as 'name==version'.");
                return;
            case "-c" or "--constraint":
                Error(DiagnosticCodes.RequirementsConstraint, display, line, offset,
                    $"'{option}' reads a constraints file, which limits versions only while pip installs and has no metadata equivalent.",
                    "Remove the line, and put the version limits you need on the requirements themselves (for example 'name>=1,<2').");
                return;
            case "-i" or "--index-url" or "--extra-index-url" or "--no-index" or "-f" or "--find-links" or "--trusted-host"
                or "--no-binary" or "--only-binary" or "--pre" or "--prefer-binary" or "--require-hashes" or "--use-feature":
                Error(DiagnosticCodes.RequirementsPipOption, display, line, offset,
                    $"'{name}' configures pip (where and how to download), and package metadata cannot carry it.",
                    "Remove the line from the requirements file used for metadata; pass the option to pip or put it in pip.conf instead.");
                return;
            case "--hash":
                Error(DiagnosticCodes.RequirementsUnsupportedOption, display, line, offset,
                    "'--hash' must follow a requirement on the same (possibly continued) line.",
                    "Put the hash after its requirement, or end the requirement's line with '\\' to continue it.");
                return;
            default:
                Error(DiagnosticCodes.RequirementsUnsupportedOption, display, line, offset,
                    $"'{option}' is not a requirement and not an option packd accepts in a requirements file.",
                    "Keep only requirements such as 'name==1.2.3' and '-r other.txt' includes.");
                return;
        }
    }

    private void ReadInclude(
        string fullPath, string display, RequirementsLogicalLine line, string? target, int offset, List<RequirementLine> output)
    {
        if (string.IsNullOrEmpty(target))
        {
            Error(DiagnosticCodes.RequirementsUnsupportedOption, display, line, offset,
                "'-r' needs a file name.", "Write '-r other-requirements.txt'.");
            return;
        }

        if (target.Contains("://", StringComparison.Ordinal))
        {
            Error(DiagnosticCodes.RequirementsIncludeOutsideRoot, display, line, offset,
                $"'-r {target}' includes a file from the network; metadata must come from files in the project.",
                "Download the file into the project and include it by relative path.");
            return;
        }

        string includeFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(fullPath)!, target));
        string includeDisplay = ToDisplayPath(includeFull);
        if (!IsInsideRoot(includeFull))
        {
            Error(DiagnosticCodes.RequirementsIncludeOutsideRoot, display, line, offset,
                $"'-r {target}' includes '{includeFull}', which is outside the project root.",
                "Include only files inside the project; copy the file into the project if you need it.");
            return;
        }

        if (!File.Exists(includeFull))
        {
            Error(DiagnosticCodes.RequirementsFileNotFound, display, line, offset,
                $"The included requirements file '{includeDisplay}' does not exist.",
                "Correct the path (it is relative to the including file's folder) or remove the line.");
            return;
        }

        if (!IsLinkTargetInsideRoot(includeFull))
        {
            Error(DiagnosticCodes.RequirementsIncludeOutsideRoot, display, line, offset,
                $"'-r {target}' is a symbolic link to a file outside the project root.",
                "Include only files inside the project; copy the file into the project if you need it.");
            return;
        }

        int cycleStart = _includeStack.IndexOf(includeFull);
        if (cycleStart >= 0)
        {
            List<string> chain = [];
            for (int i = cycleStart; i < _includeStack.Count; i++)
            {
                chain.Add(ToDisplayPath(_includeStack[i]));
            }

            chain.Add(includeDisplay);
            Error(DiagnosticCodes.RequirementsIncludeCycle, display, line, offset,
                $"'-r {target}' closes an include cycle ({string.Join(" -> ", chain)}); it is not followed again.",
                "Remove one of the '-r' lines so that no file includes itself, directly or indirectly.");
            return;
        }

        ReadFile(includeFull, includeDisplay, output);
    }

    private bool IsLinkTargetInsideRoot(string fullPath)
    {
        try
        {
            FileSystemInfo? target = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true);
            return target is null || IsInsideRoot(Path.GetFullPath(target.FullName));
        }
        catch (IOException)
        {
            // A link loop or a dangling link: not a file we can vouch for.
            return false;
        }
    }
}
