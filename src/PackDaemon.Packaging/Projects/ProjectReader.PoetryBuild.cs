using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects.Poetry;
using PackDaemon.Packaging.Selection.Poetry;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>[tool.poetry] dependencies, extras, scripts, plugins and packages/include/exclude.</summary>
internal sealed partial class ProjectReader
{
    private (string? RequiresPython, PoetryConstraint? Python, string[] RequiresDist, MetadataExtra[] Extras) ReadPoetryDependencies(TomlTable poetry)
    {
        string? requiresPython = null;
        PoetryConstraint? python = null;
        var dependencies = new List<PoetryDependency>();
        var tablePath = PoetryChild("dependencies");
        foreach (var (name, value) in _context.GetTable(poetry, "dependencies", PoetryPath) ?? [])
        {
            var path = TomlLocationIndex.Child(tablePath, name);
            if (name.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                if (value is string text && text.Trim() != "*")
                {
                    python = PoetryConstraint.Parse(text, out var error);
                    requiresPython = python?.ToRequiresPython();
                    if (requiresPython is null)
                    {
                        Unsupported($"The python constraint `{text}`{(error is null ? "" : ": " + error)}.", path);
                    }
                }

                continue;
            }

            // A list holds several constraints for one name, each with its own markers.
            foreach (var item in value is TomlArray many ? many.Cast<object?>() : [value])
            {
                if (PoetryDependency.Translate(name, item, out var unsupported) is { } dependency)
                {
                    dependencies.Add(dependency);
                }
                else
                {
                    Unsupported($"The dependency `{name}`: {unsupported}.", path);
                }
            }
        }

        var extras = new List<(string Name, List<string> Members)>();
        foreach (var (extra, value) in _context.GetTable(poetry, "extras", PoetryPath) ?? [])
        {
            var members = _context.AsStringList(value, TomlLocationIndex.Child(PoetryChild("extras"), extra)) ?? [];
            var normalized = ProjectName.Normalize(extra);
            extras.RemoveAll(e => e.Name == normalized);
            extras.Add((normalized, members.Select(static m => ProjectName.Normalize(Requirement.TryParse(m.Value, out var r, out _, out _) ? r.Name : m.Value)).ToList()));
        }

        var requiresDist = dependencies
            .Select(d => d.ToRequiresDist(extras.Where(e => e.Members.Contains(d.NormalizedName)).Select(static e => e.Name).ToList()))
            .ToArray();
        return (requiresPython, python, requiresDist, extras.Select(static e => new MetadataExtra(e.Name, [])).ToArray());
    }

    private void Unsupported(string message, string path)
        => _context.Error(DiagnosticCodes.PoetryUnsupported, message + " packd cannot write it the way poetry-core 1.4 does.", path,
            "Let poetry-core build the project: remove `mode = \"native\"` from [tool.packd] (packd then delegates it).");

    /// <summary>scripts become console_scripts (a <c>callable</c> table loses its extras, as in poetry-core 1.4); each
    /// plugins group becomes an entry-point group.</summary>
    private Dictionary<string, IReadOnlyDictionary<string, string>> ReadPoetryEntryPoints(TomlTable poetry)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var scripts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in _context.GetTable(poetry, "scripts", PoetryPath) ?? [])
        {
            var path = TomlLocationIndex.Child(PoetryChild("scripts"), name);
            switch (value)
            {
                case string reference:
                    scripts[name] = reference;
                    break;
                case TomlTable { } table when table.TryGetValue("callable", out var callable) && callable is string target:
                    scripts[name] = target;
                    break;
                case TomlTable { } table when table.TryGetValue("reference", out var r) && r is string reference
                    && (!table.TryGetValue("type", out var type) || type is "console"):
                    var extras = table.TryGetValue("extras", out var e) && e is TomlArray list ? list.OfType<string>().ToArray() : [];
                    if (table.TryGetValue("type", out _))
                    {
                        scripts[name] = extras.Length == 0 ? reference : $"{reference}[{string.Join(", ", extras)}]";
                    }

                    break;
                default:
                    Unsupported($"The script `{name}` is not a `module:function` string or a console script table.", path);
                    break;
            }
        }

        if (scripts.Count > 0)
        {
            result["console_scripts"] = scripts;
        }

        foreach (var (group, value) in _context.GetTable(poetry, "plugins", PoetryPath) ?? [])
        {
            var path = TomlLocationIndex.Child(PoetryChild("plugins"), group);
            if (value is not TomlTable table)
            {
                _context.TypeError(path, "a table of entry points", value);
                continue;
            }

            var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, target) in table)
            {
                if (target is string text)
                {
                    entries[name] = text;
                }
                else
                {
                    _context.TypeError(TomlLocationIndex.Child(path, name), "a string (module:object)", target);
                }
            }

            result[group] = entries;
        }

        return result;
    }

    private PoetryBuildOptions ReadPoetryBuild(string name)
    {
        var poetry = PoetryTable();
        var packages = new List<PoetryPackageSpec>();
        if (poetry.TryGetValue("packages", out var packagesValue))
        {
            var path = PoetryChild("packages");
            if (packagesValue is not TomlArray array)
            {
                _context.TypeError(path, "an array of tables", packagesValue);
            }
            else
            {
                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = TomlLocationIndex.Item(path, i);
                    if (array[i] is not TomlTable table || _context.GetString(table, "include", itemPath) is not { } include)
                    {
                        _context.Error(DiagnosticCodes.PoetryBuildInvalid, "A packages entry must be a table with an `include` string.", itemPath,
                            "Write e.g. { include = \"my_package\", from = \"src\" }.");
                        continue;
                    }

                    var from = _context.GetString(table, "from", itemPath) is { } f ? _context.RelativePath(f, TomlLocationIndex.Child(itemPath, "from"), "package source folder") : "";
                    packages.Add(new PoetryPackageSpec(include, from is null or "." ? "" : from, ReadFormats(table, itemPath)));
                }
            }
        }

        var includes = new List<PoetryIncludeSpec>();
        if (poetry.TryGetValue("include", out var includeValue))
        {
            var path = PoetryChild("include");
            var items = includeValue as TomlArray;
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                var itemPath = TomlLocationIndex.Item(path, i);
                switch (items[i])
                {
                    case string glob:
                        includes.Add(new PoetryIncludeSpec(glob, []));
                        break;
                    case TomlTable table when _context.GetString(table, "path", itemPath) is { } glob:
                        includes.Add(new PoetryIncludeSpec(glob, ReadFormats(table, itemPath)));
                        break;
                    default:
                        _context.Error(DiagnosticCodes.PoetryBuildInvalid, "An include entry must be a glob string or a table with a `path`.", itemPath,
                            "Write e.g. \"CHANGELOG.md\" or { path = \"tests\", format = \"sdist\" }.");
                        break;
                }
            }

            if (items is null)
            {
                _context.TypeError(path, "an array", includeValue);
            }
        }

        var exclude = (_context.GetStringList(poetry, "exclude", PoetryPath) ?? []).Select(static e => e.Value).ToList();
        var moduleName = ProjectName.Normalize(name).Replace('-', '_');
        var sdistExtras = new List<string> { LoadContext.PyprojectFile };
        if (_readmeFile is not null)
        {
            sdistExtras.Add(_readmeFile);
        }

        sdistExtras.AddRange(Directory.EnumerateFiles(_context.Root, "LICENSE*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));
        return new PoetryBuildOptions(moduleName, packages, includes, exclude, sdistExtras);
    }

    private string[] ReadFormats(TomlTable table, string path)
    {
        if (!table.TryGetValue("format", out var value))
        {
            return [];
        }

        var formats = value is string one ? [one] : (_context.AsStringList(value, TomlLocationIndex.Child(path, "format")) ?? []).Select(static f => f.Value).ToArray();
        foreach (var format in formats.Where(static f => f is not ("sdist" or "wheel")))
        {
            _context.Error(DiagnosticCodes.PoetryBuildInvalid, $"`{format}` is not a poetry format.", TomlLocationIndex.Child(path, "format"),
                "Write format = \"sdist\", \"wheel\" or [\"sdist\", \"wheel\"].");
        }

        return formats;
    }
}
