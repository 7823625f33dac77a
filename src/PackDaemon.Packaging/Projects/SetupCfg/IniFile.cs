using System.Globalization;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>
/// A small INI reader with the semantics of Python's <c>configparser.ConfigParser()</c> as setuptools uses it on
/// setup.cfg: <c>[section]</c> headers, <c>key = value</c> or <c>key: value</c> (the first <c>=</c> or <c>:</c>
/// splits), continuation lines indented deeper than the key, whole-line <c>#</c>/<c>;</c> comments (a <c>#</c> after a
/// value is part of it), empty lines kept inside a value, duplicate sections and keys refused (strict mode), and
/// <c>%%</c> for a literal percent sign (basic interpolation).
/// </summary>
internal sealed class IniFile
{
    public const string FileName = "setup.cfg";

    private IniFile(List<IniSection> sections) => Sections = sections;

    public IReadOnlyList<IniSection> Sections { get; }

    public IniSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <returns>The parsed file, or null when it is not valid INI (every bad line is reported).</returns>
    public static IniFile? Parse(string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sections = new List<IniSection>();
        List<IniEntry>? entries = null;
        string? sectionName = null;
        List<IniValueLine>? valueLines = null; // the open value, while continuation lines may follow
        var keyIndent = int.MaxValue;
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;

        void Fail(int line, int column, string message, string fix)
        {
            ok = false;
            diagnostics.Error(DiagnosticCodes.SetupCfgSyntax, message, FileName, line, column, fix);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lineNumber = i + 1;
            var stripped = line.Trim();
            if (stripped.StartsWith('#') || stripped.StartsWith(';'))
            {
                continue; // a comment line: neither ends nor extends a value
            }

            if (stripped.Length == 0)
            {
                // configparser keeps an empty line in the open value (the trailing ones are stripped at the end).
                valueLines?.Add(new IniValueLine("", lineNumber, 1));
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (valueLines is not null && indent > keyIndent)
            {
                valueLines.Add(new IniValueLine(stripped, lineNumber, indent + 1));
                continue;
            }

            keyIndent = indent;
            valueLines = null;
            if (stripped.StartsWith('[') && stripped.LastIndexOf(']') > 1)
            {
                // configparser's header pattern is greedy: the name runs to the last `]` and is not trimmed.
                var name = stripped[1..stripped.LastIndexOf(']')];
                if (sections.Any(s => s.Name == name))
                {
                    Fail(lineNumber, indent + 1, $"setup.cfg has a second [{name}] section; configparser (and so setuptools) refuses duplicates.",
                        $"Merge the two [{name}] sections into one.");
                    sectionName = null;
                    entries = null;
                    continue;
                }

                sectionName = name;
                entries = [];
                seenKeys.Clear();
                sections.Add(new IniSection(name, lineNumber, entries));
                continue;
            }

            if (entries is null)
            {
                if (sectionName is null && sections.Count == 0)
                {
                    Fail(lineNumber, indent + 1, "setup.cfg has a line before its first [section] header.",
                        "Put it under a section such as [metadata] or [options], or comment it out with `#`.");
                }

                continue;
            }

            var delimiter = stripped.IndexOfAny(['=', ':']);
            if (delimiter < 0)
            {
                Fail(lineNumber, indent + 1, $"setup.cfg line {lineNumber} is neither `key = value`, a [section] header, nor an indented continuation line.",
                    "Write `key = value`, or indent the line to continue the previous value.");
                continue;
            }

            var key = stripped[..delimiter].TrimEnd();
            if (key.Length == 0)
            {
                Fail(lineNumber, indent + 1, $"setup.cfg line {lineNumber} has a value but no key.", "Write the key before the `=`.");
                continue;
            }

            if (!seenKeys.Add(key))
            {
                Fail(lineNumber, indent + 1, $"`{key}` is set twice in [{sectionName}]; configparser (and so setuptools) refuses duplicate keys.",
                    $"Keep one `{key}` in [{sectionName}].");
                continue;
            }

            var afterDelimiter = stripped[(delimiter + 1)..];
            var valueText = afterDelimiter.TrimStart();
            var valueColumn = indent + delimiter + 2 + (afterDelimiter.Length - valueText.Length);
            valueLines = [new IniValueLine(valueText.TrimEnd(), lineNumber, valueColumn)];
            entries.Add(new IniEntry(key, lineNumber, indent + 1, valueLines));
        }

        if (!ok)
        {
            return null;
        }

        var interpolated = Interpolate(sections, diagnostics);
        return interpolated is null ? null : new IniFile(interpolated);
    }

    /// <summary>setuptools reads values with basic interpolation: <c>%%</c> is one <c>%</c>; a <c>%(name)s</c>
    /// reference is refused here (packd reports it rather than expand it differently), as is a lone <c>%</c>,
    /// which configparser itself rejects.</summary>
    private static List<IniSection>? Interpolate(List<IniSection> sections, DiagnosticBag diagnostics)
    {
        var ok = true;
        var result = new List<IniSection>(sections.Count);
        foreach (var section in sections)
        {
            var entries = new List<IniEntry>(section.Entries.Count);
            foreach (var entry in section.Entries)
            {
                var lines = new List<IniValueLine>(entry.Lines.Count);
                foreach (var line in entry.Lines)
                {
                    var at = line.Text.IndexOf('%', StringComparison.Ordinal);
                    if (at < 0)
                    {
                        lines.Add(line);
                        continue;
                    }

                    var text = new System.Text.StringBuilder(line.Text.Length);
                    for (var i = 0; i < line.Text.Length; i++)
                    {
                        var c = line.Text[i];
                        if (c != '%')
                        {
                            text.Append(c);
                            continue;
                        }

                        if (i + 1 < line.Text.Length && line.Text[i + 1] == '%')
                        {
                            text.Append('%');
                            i++;
                            continue;
                        }

                        ok = false;
                        var reference = i + 1 < line.Text.Length && line.Text[i + 1] == '(';
                        diagnostics.Error(
                            DiagnosticCodes.SetupCfgInterpolation,
                            reference
                                ? $"`{entry.Key}` in [{section.Name}] uses a `%(...)s` interpolation, which packd does not expand."
                                : $"`{entry.Key}` in [{section.Name}] holds a lone `%`, which setuptools' configparser rejects (an interpolation syntax error).",
                            FileName,
                            line.Line,
                            line.Column + i,
                            reference ? "Write the value out in full." : "Write `%%` for a literal percent sign.");
                        break;
                    }

                    lines.Add(line with { Text = text.ToString() });
                }

                entries.Add(entry with { Lines = lines });
            }

            result.Add(section with { Entries = entries });
        }

        return ok ? result : null;
    }

    /// <summary>For messages: <c>setup.cfg line 12</c>.</summary>
    public static string Where(int line) => string.Create(CultureInfo.InvariantCulture, $"{FileName} line {line}");
}
