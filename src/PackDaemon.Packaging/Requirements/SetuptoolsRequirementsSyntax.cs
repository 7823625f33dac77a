namespace PackDaemon.Packaging.Requirements;

/// <summary>
/// What setuptools 66 can read of a requirements file its <c>file:</c> directive names: blank lines and comments are
/// dropped, <c>\</c> continuations joined, and every remaining line must be a bare PEP 508 requirement
/// (<c>setuptools._reqs.parse_strings</c>). pip's own syntax, which packd reads (<c>-r</c> includes, options,
/// <c>--hash</c>), stops setuptools with a parse error; this finds the first such line so packd can say so.
/// </summary>
public static class SetuptoolsRequirementsSyntax
{
    /// <summary>The 1-based line where the first logical line setuptools cannot parse starts, and its text; null when
    /// setuptools reads the whole file.</summary>
    public static (int Line, string Text)? FirstUnreadable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int start = i;
            string logical = DropComment(lines[i]).Trim();
            // join_continuation: a line ending in a backslash continues on the next one.
            while (logical.EndsWith('\\') && i + 1 < lines.Length)
            {
                logical = logical[..^1].TrimEnd() + " " + DropComment(lines[++i]).Trim();
            }

            if (logical.Length > 0 && (logical.StartsWith('-') || logical.Contains(" --", StringComparison.Ordinal)))
            {
                return (start + 1, logical);
            }
        }

        return null;
    }

    // setuptools' drop_comment: everything from " #" on; a line starting with '#' is a comment whole.
    private static string DropComment(string line)
    {
        string trimmed = line.TrimStart();
        if (trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        int hash = line.IndexOf(" #", StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).TrimEnd('\r');
    }
}
