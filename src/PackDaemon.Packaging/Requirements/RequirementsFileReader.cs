using System.Text;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Requirements;

/// <summary>The state of one <see cref="RequirementsFileParser.Parse"/> call: files read, the include stack, duplicates.</summary>
internal sealed partial class RequirementsFileReader
{
    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<string> _filesRead = [];
    private readonly List<string> _includeStack = [];
    private readonly Dictionary<string, List<RequirementLine>> _completed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RequirementLine> _byNameAndMarker = new(StringComparer.Ordinal);
    private string? _rootContent;

    public RequirementsFileReader(string projectRoot, DiagnosticBag diagnostics)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot));
        _diagnostics = diagnostics;
    }

    public RequirementsFileResult Read(string relativePath)
    {
        List<RequirementLine> requirements = [];
        string fullPath = Path.GetFullPath(Path.Combine(_root, relativePath));
        string display = ToDisplayPath(fullPath);
        if (!IsInsideRoot(fullPath) || (File.Exists(fullPath) && !IsLinkTargetInsideRoot(fullPath)))
        {
            _diagnostics.Error(
                DiagnosticCodes.RequirementsIncludeOutsideRoot,
                $"The requirements file '{relativePath}' is outside the project root.",
                fix: "Move the requirements file into the project and reference it by a path relative to the project root.");
        }
        else if (!File.Exists(fullPath))
        {
            _diagnostics.Error(
                DiagnosticCodes.RequirementsFileNotFound,
                $"The requirements file '{display}' does not exist.",
                display,
                fix: "Create it (for example with 'pip freeze > requirements.txt') or correct the path in pyproject.toml.");
        }
        else
        {
            ReadFile(fullPath, display, requirements);
        }

        return new RequirementsFileResult(requirements, _filesRead, _rootContent);
    }

    private void ReadFile(string fullPath, string display, List<RequirementLine> output)
    {
        if (_completed.TryGetValue(fullPath, out List<RequirementLine>? cached))
        {
            // A file included twice (a diamond, not a cycle) contributes its lines again but is read and checked once.
            output.AddRange(cached);
            return;
        }

        string content;
        try
        {
            // The bounded reader: a FIFO named requirements.txt once blocked builds for ever.
            var read = Inputs.ProjectInput.Read(_root, fullPath);
            if (!read.Succeeded)
            {
                _diagnostics.Error(DiagnosticCodes.ForInput(read.Problem), $"'{display}' was not read: {read.Detail}.", display, fix: read.Fix);
                return;
            }

            var bytes = read.Bytes.AsSpan();
            content = s_strictUtf8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            _diagnostics.Error(
                DiagnosticCodes.RequirementsFileEncoding,
                $"'{display}' is not valid UTF-8 text.",
                display,
                fix: "Save the file as UTF-8 (PowerShell's '>' writes UTF-16; use 'pip freeze | Out-File -Encoding utf8').");
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Error(DiagnosticCodes.FileUnreadable, $"'{display}' could not be read: {ex.Message}", display, fix: "Check the file's permissions.");
            return;
        }

        if (_includeStack.Count == 0)
        {
            _rootContent = content;
        }

        _filesRead.Add(display);
        _includeStack.Add(fullPath);
        List<RequirementLine> lines = [];
        foreach (RequirementsLogicalLine line in RequirementsLogicalLine.Split(content))
        {
            ReadLine(fullPath, display, line, lines);
        }

        _includeStack.RemoveAt(_includeStack.Count - 1);
        _completed[fullPath] = lines;
        output.AddRange(lines);
    }

    private void ReadLine(string fullPath, string display, RequirementsLogicalLine line, List<RequirementLine> output)
    {
        string text = line.Text;
        int variable = text.IndexOf("${", StringComparison.Ordinal);
        if (variable >= 0)
        {
            Error(DiagnosticCodes.RequirementsEnvironmentVariable, display, line, variable,
                "pip would expand the environment variable here, but metadata must be the same on every machine.",
                "Write the value itself instead of '${...}'.");
            return;
        }

        // pip's rule: the requirement ends at the first whitespace-separated token that starts with '-'.
        List<(string Token, int Offset)> tokens = Tokenize(text);
        int firstOption = tokens.FindIndex(t => t.Token.StartsWith('-'));
        if (firstOption == 0)
        {
            ReadOptionLine(fullPath, display, line, tokens, output);
            return;
        }

        string requirementText = firstOption < 0 ? text : text[..tokens[firstOption].Offset].TrimEnd();
        for (int i = firstOption < 0 ? tokens.Count : firstOption; i < tokens.Count; i++)
        {
            (string token, int offset) = tokens[i];
            if (token is "--hash" or "--hash=" || token.StartsWith("--hash=", StringComparison.Ordinal))
            {
                // pip refuses the whole file over one bad hash; a file packd accepts must install with pip.
                bool separate = token == "--hash";
                var (value, valueOffset) = separate ? (i + 1 < tokens.Count ? tokens[++i] : ("", offset)) : (token["--hash=".Length..], offset + "--hash=".Length);
                if (!IsAllowedHash(value))
                {
                    Error(DiagnosticCodes.RequirementsInvalidHash, display, line, valueOffset,
                        $"'--hash {value}' is not one pip accepts: allowed hash algorithms for --hash are sha256, sha384, sha512, written as algorithm:hexdigest.",
                        "Regenerate the hashes (pip-compile --generate-hashes, or pip hash FILE) or fix the typo.");
                    return;
                }

                continue;
            }

            if (token.StartsWith('-'))
            {
                Error(DiagnosticCodes.RequirementsUnsupportedOption, display, line, offset,
                    $"The option '{token}' applies to how pip installs this requirement and cannot be kept in package metadata.",
                    "Remove the option; only '--hash' is accepted (and dropped) after a requirement.");
                return;
            }
        }

        ReadRequirement(display, line, requirementText, output);
    }

    private static bool IsAllowedHash(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && value[..colon] is "sha256" or "sha384" or "sha512" && colon < value.Length - 1
            && !value.AsSpan(colon + 1).ContainsAnyExcept(s_hexDigits);
    }

    private static List<(string Token, int Offset)> Tokenize(string text)
    {
        List<(string, int)> tokens = [];
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && text[i] is not (' ' or '\t'))
            {
                i++;
            }

            tokens.Add((text[start..i], start));
        }

        return tokens;
    }

    private void Error(string code, string display, RequirementsLogicalLine line, int offset, string message, string fix)
    {
        // Offsets past the first physical line (on a continuation line) have no column on the reported start line.
        int column = offset < line.FirstLineLength ? line.Column + offset : 0;
        _diagnostics.Error(code, message, display, line.Line, column, fix);
    }

    private bool IsInsideRoot(string fullPath) =>
        fullPath.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || fullPath == _root;

    private string ToDisplayPath(string fullPath) => Path.GetRelativePath(_root, fullPath).Replace('\\', '/');
}
