using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Tells a <c>setup.py</c> that is only the customary shim (<c>from setuptools import setup; setup()</c>), which adds
/// nothing to what pyproject.toml/setup.cfg declare, from one that runs code: arguments to <c>setup()</c>, computed
/// versions, cmdclass, extensions. Only the shim can be built natively.
/// </summary>
/// <remarks>Deliberately a line matcher, not a Python parser: anything it does not recognise counts as code, so a
/// mistake delegates (slower, still correct) rather than building natively what the backend would build otherwise.</remarks>
public static partial class SetupScriptShape
{
    /// <returns>Null when the script is a bare shim, else the first line that does more, as <c>line N: text</c>.</returns>
    public static string? FirstCodeLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var inDocstring = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (inDocstring)
            {
                inDocstring = !EndsDocstring(line);
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (StartsDocstring(line, out var closedOnSameLine))
            {
                inDocstring = !closedOnSameLine;
                continue;
            }

            var code = StripTrailingComment(line);
            if (!ShimLine().IsMatch(code))
            {
                return $"line {i + 1}: {line}";
            }
        }

        return null;
    }

    private static bool StartsDocstring(string line, out bool closedOnSameLine)
    {
        closedOnSameLine = false;
        foreach (var quote in (ReadOnlySpan<string>)["\"\"\"", "'''"])
        {
            if (line.StartsWith(quote, StringComparison.Ordinal))
            {
                closedOnSameLine = line.Length >= 6 && line.EndsWith(quote, StringComparison.Ordinal);
                return true;
            }
        }

        return false;
    }

    private static bool EndsDocstring(string line) => line.Contains("\"\"\"", StringComparison.Ordinal) || line.Contains("'''", StringComparison.Ordinal);

    // A '#' in these shim lines can only start a comment: none of them holds a string with a '#'.
    private static string StripTrailingComment(string line) => line.IndexOf('#', StringComparison.Ordinal) is var at and > 0 ? line[..at].TrimEnd() : line;

    [GeneratedRegex(
        """^(import setuptools|from setuptools import setup|(setuptools\.)?setup\(\s*\)|if __name__ == ("__main__"|'__main__'):(\s*(setuptools\.)?setup\(\s*\))?)$""",
        RegexOptions.CultureInvariant)]
    private static partial Regex ShimLine();
}
