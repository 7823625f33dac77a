namespace PackDaemon.Packaging.Delegation;

/// <summary>The one question the mode decision asks of setup.cfg: does <c>[options]</c> set <c>cmdclass</c>?
/// (A custom command class is code setuptools runs during the build, which packd cannot emulate.)</summary>
public static class SetupCfgScan
{
    /// <returns>The 1-based line of <c>cmdclass</c> in <c>[options]</c>, or 0.</returns>
    public static int CmdclassLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var inOptions = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                inOptions = string.Equals(trimmed[1..^1].Trim(), "options", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            // configparser: a key starts at column 0; indented lines continue the previous value.
            if (!inOptions || line.Length == 0 || char.IsWhiteSpace(line[0]) || trimmed.StartsWith('#') || trimmed.StartsWith(';'))
            {
                continue;
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator > 0 && string.Equals(trimmed[..separator].Trim(), "cmdclass", StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
