using System.Text;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Scripts;

/// <summary>
/// The shebang rewrites the backends apply to scripts bound for <c>&lt;dist&gt;.data/scripts/</c>. They are pure
/// functions of the file's bytes, so the incremental engine can cache the rewritten entry by the source's hash.
/// </summary>
public static partial class ShebangRewriter
{
    /// <summary>The rewritten entry, or the input itself when the rule leaves the file alone.</summary>
    public static byte[] Apply(ScriptRewrite rewrite, ReadOnlySpan<byte> content) => rewrite switch
    {
        ScriptRewrite.SetuptoolsBuildScripts => Setuptools(content) ?? content.ToArray(),
        ScriptRewrite.HatchlingSharedScripts => Hatchling(content),
        _ => content.ToArray(),
    };

    /// <summary>
    /// setuptools 66 (distutils' <c>build_scripts</c> under wheel's <c>bdist_wheel</c>, whose interpreter is
    /// <c>python</c>): the file is read as text in its PEP 263 encoding with universal newlines; when the first line is
    /// a python shebang (<c>^#!.*python[0-9.]*([ \t].*)?$</c>) the file is written back as <c>#!python</c> plus the
    /// interpreter arguments, a <c>\n</c>, and the remaining lines with <c>\n</c> endings. Any other script is copied
    /// byte for byte.
    /// </summary>
    /// <returns>The rewritten bytes; null when the script is copied unchanged.</returns>
    /// <exception cref="DecoderFallbackException">The script is not valid UTF-8, which setuptools also refuses.</exception>
    public static byte[]? Setuptools(ReadOnlySpan<byte> content)
    {
        bool bom = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = bom ? content[3..] : content;
        int firstEnd = body.IndexOfAny((byte)'\n', (byte)'\r');
        var firstLine = Strict.GetString(firstEnd < 0 ? body : body[..firstEnd]);
        var match = SetuptoolsShebang().Match(firstLine);
        if (!match.Success)
        {
            return null;
        }

        // Only UTF-8 scripts reach here: UnemulatedBackendOptions delegates a script with another coding cookie.
        int restStart = firstEnd < 0 ? body.Length
            : firstEnd + (body[firstEnd] == (byte)'\r' && firstEnd + 1 < body.Length && body[firstEnd + 1] == (byte)'\n' ? 2 : 1);
        var rest = Strict.GetString(body[restStart..]);
        var output = new StringBuilder(rest.Length + 16);
        output.Append("#!python").Append(match.Groups[1].Value).Append('\n');
        output.Append(rest.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        var bytes = Strict.GetBytes(output.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>Why packd cannot rewrite a python-shebang script as setuptools would, or null when it can: setuptools
    /// reads the script in the encoding its PEP 263 cookie names, and packd handles UTF-8 (the default) only.</summary>
    public static string? SetuptoolsUnsupported(ReadOnlySpan<byte> content)
    {
        var body = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
        int firstEnd = body.IndexOfAny((byte)'\n', (byte)'\r');
        if (!SetuptoolsShebang().IsMatch(Encoding.Latin1.GetString(firstEnd < 0 ? body : body[..firstEnd])))
        {
            return null;
        }

        foreach (var line in Encoding.Latin1.GetString(body[..Math.Min(body.Length, 4096)]).Split('\n').Take(2))
        {
            if (CodingCookie().Match(line) is { Success: true } cookie
                && !cookie.Groups[1].Value.Replace('_', '-').ToUpperInvariant().StartsWith("UTF-8", StringComparison.Ordinal)
                && !cookie.Groups[1].Value.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return $"its coding cookie names {cookie.Groups[1].Value}, and packd rewrites UTF-8 scripts only";
            }
        }

        try
        {
            _ = Strict.GetCharCount(body);
            return null;
        }
        catch (DecoderFallbackException)
        {
            return "it is not valid UTF-8, which setuptools refuses too";
        }
    }

    /// <summary>
    /// hatchling's <c>shared-scripts</c> (1.24 and later): leading blank lines are dropped; when the first other line
    /// is a python or pypy shebang (<c>^#!.*(?:pythonw?|pypyw?)[0-9.]*</c>), it becomes <c>#!python</c> followed by
    /// whatever the line held after the interpreter, its line ending included; the rest of the file is kept as bytes.
    /// </summary>
    public static byte[] Hatchling(ReadOnlySpan<byte> content)
    {
        int start = 0;
        while (start < content.Length)
        {
            int end = content[start..].IndexOf((byte)'\n');
            int next = end < 0 ? content.Length : start + end + 1;
            if (!IsBlank(content[start..next]))
            {
                break;
            }

            start = next;
        }

        if (start >= content.Length)
        {
            return [];
        }

        int lineEnd = content[start..].IndexOf((byte)'\n');
        int lineNext = lineEnd < 0 ? content.Length : start + lineEnd + 1;
        var line = Encoding.Latin1.GetString(content[start..lineNext]); // bytes as chars: the pattern is ASCII
        var match = HatchlingShebang().Match(line);
        if (!match.Success)
        {
            return content[start..].ToArray();
        }

        return [.. "#!python"u8, .. Encoding.Latin1.GetBytes(match.Groups[1].Value), .. content[lineNext..]];
    }

    // Python's bytes.strip() removes ASCII whitespace: space, \t, \n, \r, \x0b, \x0c.
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0b or 0x0c))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"^#!.*python[0-9.]*([ \t].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SetuptoolsShebang();

    // PEP 263: a comment on line 1 or 2 naming the source encoding.
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex CodingCookie();

    // Singleline: Python's DOTALL, so the tail keeps the line's own ending.
    [GeneratedRegex(@"^#!.*(?:pythonw?|pypyw?)[0-9.]*(.*)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex HatchlingShebang();
}
