using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Delegation;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>
/// Translates a declarative setup.cfg (<c>[metadata]</c>, <c>[options]</c>, <c>[options.*]</c>) into the table a
/// pyproject.toml would hold for the same project, so the one pyproject reader builds its metadata and setuptools'
/// file-selection rules read <c>[tool.setuptools]</c> whichever file the project wrote. Every translated value's
/// position is recorded in the location index, so a diagnostic about it names setup.cfg and its line.
/// </summary>
/// <remarks>Values are split the way setuptools 66 splits them: a list is one item per line when the value spans
/// lines, else items separated by <c>,</c> (requirements: <c>;</c>); a dict is <c>key = value</c> items of such a list.</remarks>
internal sealed partial class SetupCfgTranslator
{
    private const string FileDirective = "file:";
    private const string AttrDirective = "attr:";

    private readonly IniFile _ini;
    private readonly string _root;
    private readonly TomlLocationIndex _index;
    private readonly DiagnosticBag _diagnostics;
    private readonly TomlTable _project = [];
    private readonly TomlTable _setuptools = [];
    private readonly List<string> _referencedFiles = [];
    private string? _homePage;
    private string? _downloadUrl;
    private int _errors;

    private SetupCfgTranslator(IniFile ini, string root, TomlLocationIndex index, DiagnosticBag diagnostics)
    {
        _ini = ini;
        _root = root;
        _index = index;
        _diagnostics = diagnostics;
    }

    /// <param name="pyproject">The pyproject.toml document when there is one (it holds no [project] table); its
    /// [build-system] and [tool.*] tables are kept.</param>
    /// <returns>The translation, or null when an error was reported.</returns>
    public static SetupCfgTranslation? Translate(IniFile ini, string root, TomlTable? pyproject, TomlLocationIndex index, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(ini);
        var translator = new SetupCfgTranslator(ini, root, index, diagnostics);
        var document = new TomlTable();
        foreach (var (key, value) in pyproject ?? [])
        {
            document[key] = value;
        }

        if (!document.ContainsKey("build-system"))
        {
            // PEP 517's fallback for a project without pyproject.toml (or without [build-system]).
            document["build-system"] = new TomlTable
            {
                ["requires"] = new TomlArray { "setuptools>=40.8.0" },
                ["build-backend"] = BuildModeDecider.LegacyBackend,
            };
        }

        translator.TranslateMetadata();
        translator.TranslateOptions();
        if (translator._errors > 0)
        {
            return null;
        }

        document["project"] = translator._project;
        // A copy: the caller's pyproject document is never changed (the mode decider translates the same document).
        var tool = new TomlTable();
        foreach (var (key, value) in document.TryGetValue("tool", out var t) && t is TomlTable existing ? existing : [])
        {
            tool[key] = value;
        }

        tool["setuptools"] = translator._setuptools;
        document["tool"] = tool;
        return new SetupCfgTranslation(document, translator._referencedFiles, translator._homePage, translator._downloadUrl);
    }

    /// <summary>The first setup.cfg setting packd does not emulate, as the mode decision's reason; null when none.</summary>
    /// <remarks>These need code setuptools runs or change the artifacts in ways the native build does not reproduce,
    /// so such a project is delegated rather than built natively with the setting ignored.</remarks>
    public static string? FirstUnemulated(IniFile ini)
    {
        ArgumentNullException.ThrowIfNull(ini);
        foreach (var section in ini.Sections)
        {
            var where = IniFile.Where(section.Line);
            if (section.Name == "DEFAULT" && section.Entries.Count > 0)
            {
                return $"{where}: [DEFAULT] values flow into every section";
            }

            if (section.Name == "metadata" || section.Name == "options")
            {
                foreach (var entry in section.Entries)
                {
                    var key = SetupCfgKeys.Canonical(section.Name, entry.Key);
                    var unemulated = section.Name == "metadata" ? SetupCfgKeys.IsUnemulatedMetadata(key) : SetupCfgKeys.IsUnemulatedOption(key);
                    if (unemulated || (key == "entry_points" && section.Name == "options"))
                    {
                        return $"{IniFile.Where(entry.Line)}: [{section.Name}] {key} is not emulated";
                    }
                }

                continue;
            }

            if (SetupCfgKeys.ChangesArtifacts(section) is { } setting)
            {
                return $"{where}: [{section.Name}] {setting} changes the artifacts setuptools makes";
            }
        }

        return null;
    }

    private void Error(string code, string message, int line, int column, string fix)
    {
        _errors++;
        _diagnostics.Error(code, message, IniFile.FileName, line, column, fix);
    }

    private void Mark(string path, IniValueLine at) => _index.Add(path, new TomlLocation(at.Line, at.Column, true, IniFile.FileName));

    private void MarkSection(string path, IniSection section) => _index.Add(path, new TomlLocation(section.Line, 1, false, IniFile.FileName));

    /// <summary>The entries of <c>[name]</c> by setuptools' canonical key; a later duplicate (after <c>-</c> to <c>_</c>)
    /// wins, as in setuptools' option dictionary.</summary>
    private Dictionary<string, IniEntry> Entries(string sectionName)
    {
        var result = new Dictionary<string, IniEntry>(StringComparer.Ordinal);
        if (_ini.Section(sectionName) is { } section)
        {
            foreach (var entry in section.Entries)
            {
                result[SetupCfgKeys.Canonical(sectionName, entry.Key)] = entry;
            }
        }

        return result;
    }

    /// <summary>setuptools' list: one item per line when the value spans lines, else split at <paramref name="separator"/>;
    /// items stripped, empty ones dropped.</summary>
    internal static List<IniValueLine> SplitList(IReadOnlyList<IniValueLine> lines, char separator = ',')
    {
        var last = lines.Count - 1;
        while (last > 0 && lines[last].Text.Length == 0)
        {
            last--;
        }

        var items = new List<IniValueLine>();
        if (last > 0)
        {
            for (var i = 0; i <= last; i++)
            {
                if (lines[i].Text.Length > 0)
                {
                    items.Add(lines[i]);
                }
            }

            return items;
        }

        var only = lines[0];
        var start = 0;
        while (start <= only.Text.Length)
        {
            var end = only.Text.IndexOf(separator, start);
            if (end < 0)
            {
                end = only.Text.Length;
            }

            var chunk = only.Text[start..end];
            var trimmed = chunk.TrimStart();
            var column = only.Column + start + (chunk.Length - trimmed.Length);
            trimmed = trimmed.TrimEnd();
            if (trimmed.Length > 0)
            {
                items.Add(new IniValueLine(trimmed, only.Line, column));
            }

            start = end + 1;
        }

        return items;
    }

    /// <summary>setuptools' dict: <c>key = value</c> list items; an item without <c>=</c> is an error.</summary>
    private List<(string Key, IniValueLine Value)>? SplitDict(IniEntry entry, string section)
    {
        var result = new List<(string, IniValueLine)>();
        foreach (var item in SplitList(entry.Lines))
        {
            var equals = item.Text.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                Error(
                    DiagnosticCodes.SetupCfgValueInvalid,
                    $"`{item.Text}` in [{section}] {entry.Key} is not `key = value`, so setuptools cannot read it as a mapping.",
                    item.Line,
                    item.Column,
                    $"Write one `key = value` per line under `{entry.Key} =`.");
                return null;
            }

            var value = item.Text[(equals + 1)..];
            var trimmedValue = value.TrimStart();
            result.Add((item.Text[..equals].Trim(), new IniValueLine(trimmedValue.TrimEnd(), item.Line, item.Column + equals + 1 + (value.Length - trimmedValue.Length))));
        }

        return result;
    }

    private static bool IsDirective(IniEntry entry, string directive) => entry.RawValue.StartsWith(directive, StringComparison.Ordinal);

    /// <summary>The files of a <c>file:</c> directive, relative to the root, each checked to exist inside the project.</summary>
    private List<string>? DirectiveFiles(IniEntry entry, string section)
    {
        var at = entry.FirstText;
        var files = new List<string>();
        foreach (var raw in entry.RawValue[FileDirective.Length..].Split(','))
        {
            var name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var full = Path.GetFullPath(Path.Combine(_root, name));
            var relative = Path.GetRelativePath(_root, full).Replace('\\', '/');
            if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                Error(DiagnosticCodes.SetupCfgFileMissing,
                    $"[{section}] {entry.Key} reads `{name}`, which is outside the project; setuptools refuses to read it.",
                    at.Line, at.Column, "Move the file into the project and name it relative to setup.cfg.");
                return null;
            }

            if (!File.Exists(full))
            {
                Error(DiagnosticCodes.SetupCfgFileMissing,
                    $"[{section}] {entry.Key} reads `{name}`, which does not exist (setuptools would leave the value empty).",
                    at.Line, at.Column, $"Create `{name}` or fix the name after `file:` (it is relative to setup.cfg).");
                return null;
            }

            files.Add(relative);
        }

        if (files.Count == 0)
        {
            Error(DiagnosticCodes.SetupCfgValueInvalid, $"[{section}] {entry.Key} has `file:` but names no file.",
                at.Line, at.Column, "Write e.g. `file: README.md`.");
            return null;
        }

        return files;
    }

    /// <summary>The text of a <c>file:</c> directive: the files' contents joined by a newline, as setuptools reads them.</summary>
    private string? ReadDirective(IniEntry entry, string section)
    {
        var files = DirectiveFiles(entry, section);
        if (files is null)
        {
            return null;
        }

        var texts = new List<string>();
        var context = new LoadContext(_root, _diagnostics, _index);
        foreach (var file in files)
        {
            var text = context.ReadTextFile(file, "", "file named by setup.cfg");
            if (text is null)
            {
                _errors++;
                return null;
            }

            if (!_referencedFiles.Contains(file))
            {
                _referencedFiles.Add(file);
            }

            texts.Add(text);
        }

        return string.Join('\n', texts);
    }

    /// <summary>A string value, or the text a <c>file:</c> directive names.</summary>
    private string? StringOrFile(IniEntry entry, string section)
        => IsDirective(entry, FileDirective) ? ReadDirective(entry, section) : entry.RawValue;
}
