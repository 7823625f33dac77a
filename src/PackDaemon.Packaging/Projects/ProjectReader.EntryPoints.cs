using PackDaemon.Packaging.Diagnostics;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    private const string ConsoleScripts = "console_scripts";
    private const string GuiScripts = "gui_scripts";

    private Dictionary<string, IReadOnlyDictionary<string, string>> ReadEntryPoints()
    {
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        AddGroup(groups, ConsoleScripts, _context.GetTable(_project, "scripts", ProjectPath), Child("scripts"));
        AddGroup(groups, GuiScripts, _context.GetTable(_project, "gui-scripts", ProjectPath), Child("gui-scripts"));
        var entryPoints = _context.GetTable(_project, "entry-points", ProjectPath);
        if (entryPoints is null)
        {
            return groups;
        }

        var path = Child("entry-points");
        foreach (var (group, value) in entryPoints)
        {
            var groupPath = TomlLocationIndex.Child(path, group);
            if (group is ConsoleScripts or GuiScripts)
            {
                _context.Error(
                    DiagnosticCodes.EntryPointInvalid,
                    $"[project.entry-points.{group}] is forbidden: scripts have their own keys.",
                    groupPath,
                    group == ConsoleScripts ? "Move the entries to [project.scripts]." : "Move the entries to [project.gui-scripts].");
                continue;
            }

            if (!IsDottedIdentifier(group, allowDash: true))
            {
                _context.Error(
                    DiagnosticCodes.EntryPointInvalid,
                    $"`{group}` is not a valid entry point group name.",
                    groupPath,
                    "Use dot-separated words of letters, digits, `_` and `-`, e.g. `flask.commands`.");
                continue;
            }

            if (value is not TomlTable table)
            {
                _context.TypeError(groupPath, "a table of name = \"module:object\"", value);
                continue;
            }

            AddGroup(groups, group, table, groupPath);
        }

        return groups;
    }

    private void AddGroup(Dictionary<string, IReadOnlyDictionary<string, string>> groups, string group, TomlTable? table, string path)
    {
        if (table is null || table.Count == 0)
        {
            return;
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in table)
        {
            var entryPath = TomlLocationIndex.Child(path, name);
            if (value is not string reference)
            {
                // Groups are one level deep: a nested table here is a sub-group, which the format cannot express.
                _context.TypeError(entryPath, "a string object reference like \"package.module:function\"", value);
                continue;
            }

            if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name[0] == '[' || char.IsWhiteSpace(name[0])
                || char.IsWhiteSpace(name[^1]) || !_context.CheckSingleLine(name, entryPath, "An entry point name"))
            {
                _context.Error(
                    DiagnosticCodes.EntryPointInvalid,
                    $"`{name}` is not a valid entry point name: it may not contain `=`, start with `[`, or start or end with whitespace.",
                    entryPath,
                    "Use letters, digits, `_`, `.` and `-`, e.g. `flask-shop`.");
                continue;
            }

            if (!IsObjectReference(reference))
            {
                _context.Error(
                    DiagnosticCodes.EntryPointInvalid,
                    $"`{reference}` is not a valid object reference.",
                    entryPath,
                    "Write `package.module:object.attribute`, each part a Python identifier, e.g. \"flask_shop.cli:main\".");
                continue;
            }

            entries[name] = reference;
        }

        if (entries.Count > 0)
        {
            groups[group] = entries;
        }
    }

    /// <summary><c>module.sub</c> or <c>module.sub:object.attr</c>, every part an identifier.</summary>
    internal static bool IsObjectReference(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return IsDottedIdentifier(reference, allowDash: false);
        }

        return IsDottedIdentifier(reference[..colon].Trim(), allowDash: false)
            && IsDottedIdentifier(reference[(colon + 1)..].Trim(), allowDash: false);
    }

    internal static bool IsDottedIdentifier(string text, bool allowDash)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var part in text.Split('.'))
        {
            if (part.Length == 0 || char.IsDigit(part[0]) || (!allowDash && part[0] == '-'))
            {
                return false;
            }

            foreach (var c in part)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || (allowDash && c == '-')))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private string[] ReadImportNames(string key)
    {
        var items = _context.GetStringList(_project, key, ProjectPath);
        if (items is null)
        {
            return [];
        }

        var result = new List<string>(items.Count);
        foreach (var (value, path) in items)
        {
            // PEP 794: a dotted import name, optionally followed by `; private`.
            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            var dotted = (semicolon < 0 ? value : value[..semicolon]).Trim();
            var suffixOk = semicolon < 0 || value[(semicolon + 1)..].Trim() == "private";
            if (!IsDottedIdentifier(dotted, allowDash: false) || !suffixOk || HasLineBreak(value))
            {
                _context.Error(
                    DiagnosticCodes.ImportNameInvalid,
                    $"`{value}` is not a valid import name.",
                    path,
                    "Write a dotted Python name such as \"flask_shop\" or \"flask_shop.plugins\", optionally followed by \"; private\".");
                continue;
            }

            result.Add(semicolon < 0 ? dotted : dotted + "; private");
        }

        if (key == "import-namespaces" && _project.ContainsKey(key) && items.Count == 0)
        {
            _context.Error(
                DiagnosticCodes.ImportNameInvalid,
                "`import-namespaces` cannot be an empty array.",
                Child(key),
                "Remove the key or list the namespace packages.");
        }

        return result.ToArray();
    }

    private void CheckImportNameOverlap(string[] importNames, string[] importNamespaces)
    {
        foreach (var name in importNames)
        {
            var bare = name.Split(';', 2)[0];
            foreach (var ns in importNamespaces)
            {
                if (ns.Split(';', 2)[0] == bare)
                {
                    // PEP 794: a name is either a regular package or a namespace, never both.
                    _context.Error(
                        DiagnosticCodes.ImportNameInvalid,
                        $"`{bare}` is in both `import-names` and `import-namespaces`.",
                        Child("import-namespaces"),
                        "Keep it in only one of the two lists.");
                }
            }
        }
    }

    private static bool HasLineBreak(string value) => Metadata.HeaderText.ContainsLineBreak(value);
}
