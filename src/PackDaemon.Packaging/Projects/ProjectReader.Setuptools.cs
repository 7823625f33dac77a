using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Setuptools;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// Reads setuptools' file-selection options from <c>[tool.setuptools]</c>, keyed as pyproject.toml spells them. A
/// declarative setup.cfg reaches this table already translated, so nothing here reads setup.cfg. Keys packd does not
/// emulate (cmdclass, ext-modules, ...) never get here: the project is delegated (UnemulatedBackendOptions).
/// </summary>
internal sealed partial class ProjectReader
{
    private const string SetuptoolsPath = "tool.setuptools";
    private const string SetuptoolsBackend = "setuptools.build_meta";
    private const string SetuptoolsLegacyBackend = "setuptools.build_meta:__legacy__";

    private SetuptoolsBuildOptions ReadSetuptoolsBuild()
    {
        var table = TableAt(SetuptoolsPath) ?? [];
        List<string>? packages = null;
        SetuptoolsPackageFind? find = null;
        if (table.TryGetValue("packages", out var packagesValue))
        {
            if (packagesValue is TomlTable packagesTable)
            {
                find = ReadSetuptoolsFind(packagesTable);
            }
            else
            {
                packages = [.. (_context.AsStringList(packagesValue, TomlLocationIndex.Child(SetuptoolsPath, "packages")) ?? []).Select(static p => p.Value)];
            }
        }

        return new SetuptoolsBuildOptions(
            packages,
            find,
            ReadSetuptoolsPackageDir(table),
            table.ContainsKey("py-modules") ? [.. (_context.GetStringList(table, "py-modules", SetuptoolsPath) ?? []).Select(static m => m.Value)] : null,
            ReadSetuptoolsPatternTable(table, "package-data", folders: false),
            ReadSetuptoolsPatternTable(table, "exclude-package-data", folders: false),
            ReadSetuptoolsBool(table, "include-package-data", true),
            ReadSetuptoolsPatternTable(table, "data-files", folders: true),
            [.. (_context.GetStringList(table, "script-files", SetuptoolsPath) ?? [])
                .Select(s => SetuptoolsFolder(s.Value, s.Path, "script file")).OfType<string>()]);
    }

    private SetuptoolsPackageFind? ReadSetuptoolsFind(TomlTable packages)
    {
        string path = TomlLocationIndex.Child(SetuptoolsPath, "packages");
        if (_context.GetTable(packages, "find", path) is not { } find)
        {
            _context.Error(DiagnosticCodes.SetuptoolsOptionInvalid,
                "[tool.setuptools] packages must be a list of package names or a table holding `find`.",
                path,
                "Write packages = [\"my_pkg\"], or a [tool.setuptools.packages.find] table.");
            return null;
        }

        string findPath = TomlLocationIndex.Child(path, "find");
        var where = find.ContainsKey("where")
            ? (_context.GetStringList(find, "where", findPath) ?? []).Select(w => SetuptoolsFolder(w.Value, w.Path, "search folder")).OfType<string>().ToList()
            : [string.Empty];
        return new SetuptoolsPackageFind(
            where,
            [.. (_context.GetStringList(find, "include", findPath) ?? []).Select(static i => i.Value)],
            [.. (_context.GetStringList(find, "exclude", findPath) ?? []).Select(static e => e.Value)],
            ReadSetuptoolsBool(find, "namespaces", true, findPath));
    }

    private List<KeyValuePair<string, string>> ReadSetuptoolsPackageDir(TomlTable table)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (_context.GetTable(table, "package-dir", SetuptoolsPath) is not { } packageDir)
        {
            return result;
        }

        string path = TomlLocationIndex.Child(SetuptoolsPath, "package-dir");
        foreach (var (package, value) in packageDir)
        {
            string keyPath = TomlLocationIndex.Child(path, package);
            if (value is not string folder)
            {
                _context.TypeError(keyPath, "a string (the package's folder relative to pyproject.toml)", value);
                continue;
            }

            if (SetuptoolsFolder(folder, keyPath, "package folder") is { } relative)
            {
                result.Add(new KeyValuePair<string, string>(package, relative));
            }
        }

        return result;
    }

    private List<SetuptoolsPatterns> ReadSetuptoolsPatternTable(TomlTable table, string key, bool folders)
    {
        var result = new List<SetuptoolsPatterns>();
        if (_context.GetTable(table, key, SetuptoolsPath) is not { } patterns)
        {
            return result;
        }

        string path = TomlLocationIndex.Child(SetuptoolsPath, key);
        foreach (var (name, value) in patterns)
        {
            var list = _context.AsStringList(value, TomlLocationIndex.Child(path, name));
            if (list is null)
            {
                continue;
            }

            string entry = folders ? (SetuptoolsFolder(name, TomlLocationIndex.Child(path, name), "data-files destination") ?? name) : name;
            var values = new List<string>();
            foreach (var (pattern, itemPath) in list)
            {
                if (pattern.Trim().Length == 0 || Metadata.HeaderText.ContainsLineBreak(pattern))
                {
                    _context.Error(DiagnosticCodes.SetuptoolsOptionInvalid, $"A pattern in [tool.setuptools] {key} is empty or holds a line break.", itemPath,
                        "Write one glob per item, e.g. \"templates/*.html\".");
                    continue;
                }

                values.Add(folders && pattern.StartsWith("./", StringComparison.Ordinal) ? pattern[2..] : pattern);
            }

            result.Add(new SetuptoolsPatterns(entry, values));
        }

        if (!folders && result.FindIndex(static p => p.Key == "*") is var star and >= 0)
        {
            // setuptools reads the key "*" as "every package" (its internal key ""), replacing any "" entry.
            result.RemoveAll(static p => p.Key.Length == 0);
            star = result.FindIndex(static p => p.Key == "*");
            result[star] = result[star] with { Key = string.Empty };
        }

        return result;
    }

    private bool ReadSetuptoolsBool(TomlTable table, string key, bool fallback, string path = SetuptoolsPath)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return fallback;
        }

        if (value is bool flag)
        {
            return flag;
        }

        _context.TypeError(TomlLocationIndex.Child(path, key), "true or false", value);
        return fallback;
    }

    // A folder or file setuptools joins to the project root: project-relative, `/`-separated, "" for the root itself.
    private string? SetuptoolsFolder(string value, string path, string what)
    {
        if (_context.RelativePath(value.Length == 0 ? "." : value, path, what) is not { } relative)
        {
            return null;
        }

        return relative == "." ? string.Empty : relative.TrimEnd('/');
    }
}
