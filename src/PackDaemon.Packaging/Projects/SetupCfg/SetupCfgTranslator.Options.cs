using PackDaemon.Packaging.Diagnostics;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects.SetupCfg;

internal sealed partial class SetupCfgTranslator
{
    private const string OptionsSection = "options";
    private const string Fix = "See https://setuptools.pypa.io/en/latest/userguide/declarative_config.html#options for the keys setuptools reads.";

    private void TranslateOptions()
    {
        if (_ini.Section(OptionsSection) is { } section)
        {
            MarkSection("tool.setuptools", section);
        }

        foreach (var other in _ini.Sections)
        {
            if (other.Name.StartsWith("options.", StringComparison.Ordinal) && !SetupCfgKeys.OptionSections.Contains(other.Name))
            {
                Error(DiagnosticCodes.SetupCfgUnknownKey, $"setuptools refuses the section [{other.Name}]: it reads no such option section.",
                    other.Line, 1, "Known sections: " + string.Join(", ", SetupCfgKeys.OptionSections.Order(StringComparer.Ordinal).Select(s => $"[{s}]")) + ".");
            }
        }

        var entries = Entries(OptionsSection);
        foreach (var (key, entry) in entries)
        {
            if (!SetupCfgKeys.Options.Contains(key) && !SetupCfgKeys.IsUnemulatedOption(key) && key != "entry_points")
            {
                // setuptools drops an unknown key silently, so a misspelt install_requires builds a wheel without its
                // dependencies: refuse it instead.
                Error(DiagnosticCodes.SetupCfgUnknownKey, $"[options] has an unknown key `{entry.Key}`; setuptools would silently ignore it.",
                    entry.Line, entry.Column, "Fix the spelling (e.g. install_requires, python_requires, packages) or remove the line. " + Fix);
            }
        }

        // setup.cfg's default is False, pyproject.toml's True: written out so no reader can take the wrong default.
        var include = Get(entries, "include_package_data");
        _setuptools["include-package-data"] = include is not null && IsSetuptoolsTrue(include.RawValue.Trim());
        if (include is not null)
        {
            Mark("tool.setuptools.include-package-data", include.FirstText);
        }

        if (Get(entries, "python_requires") is { } pythonRequires)
        {
            _project["requires-python"] = pythonRequires.RawValue.Trim();
            Mark("project.requires-python", pythonRequires.FirstText);
        }

        TranslateRequirements("dependencies", Get(entries, "install_requires"), OptionsSection);
        TranslatePackages(Get(entries, "packages"));
        TranslatePackageDir(Get(entries, "package_dir"));
        TranslateSetuptoolsList("py-modules", Get(entries, "py_modules"));
        TranslateSetuptoolsList("script-files", Get(entries, "scripts"));
        TranslatePackageData("package-data", "options.package_data");
        TranslatePackageData("exclude-package-data", "options.exclude_package_data");
        TranslateExtras();
        TranslateDataFiles();
        TranslateEntryPoints();
    }

    /// <summary>setuptools' own boolean parser for setup.cfg: <c>1</c>, <c>true</c> or <c>yes</c>, any case.</summary>
    private static bool IsSetuptoolsTrue(string value) => value.ToLowerInvariant() is "1" or "true" or "yes";

    /// <summary>Requirements: a <c>;</c>-separated (or one per line) list, or a <c>file:</c>; lines starting with <c>#</c> dropped.</summary>
    private void TranslateRequirements(string path, IniEntry? entry, string section)
    {
        if (entry is null)
        {
            return;
        }

        IReadOnlyList<IniValueLine> lines = entry.Lines;
        if (IsDirective(entry, FileDirective))
        {
            var text = ReadDirective(entry, section);
            if (text is null)
            {
                return;
            }

            lines = [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => entry.FirstText with { Text = l.Trim() })];
        }

        var requirements = new TomlArray();
        var at = "project." + path;
        foreach (var item in SplitList(lines, ';'))
        {
            if (item.Text.StartsWith('#'))
            {
                continue;
            }

            Mark($"{at}[{requirements.Count}]", item);
            requirements.Add(item.Text);
        }

        Mark(at, entry.FirstText);
        SetPath(at, requirements);
    }

    private void SetPath(string dottedPath, object value)
    {
        // Only two shapes occur: project.<key> and project.optional-dependencies.<extra>.
        var parts = dottedPath.Split('.', 3);
        if (parts.Length == 2)
        {
            _project[parts[1]] = value;
            return;
        }

        var table = _project.TryGetValue(parts[1], out var t) && t is TomlTable existing ? existing : new TomlTable();
        table[parts[2]] = value;
        _project[parts[1]] = table;
    }

    private void TranslatePackages(IniEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        var value = entry.RawValue.Trim();
        if (value is "find:" or "find_namespace:")
        {
            var find = new TomlTable();
            if (_ini.Section("options.packages.find") is { } section)
            {
                MarkSection("tool.setuptools.packages.find", section);
                foreach (var option in section.Entries)
                {
                    var key = SetupCfgKeys.Canonical(section.Name, option.Key);
                    var items = SplitList(option.Lines);
                    if (key is not ("where" or "include" or "exclude"))
                    {
                        // setuptools ignores other keys here; a typo would silently select other packages.
                        Error(DiagnosticCodes.SetupCfgUnknownKey, $"[options.packages.find] has an unknown key `{option.Key}`; setuptools would ignore it.",
                            option.Line, option.Column, "Use `where`, `include` or `exclude`.");
                        continue;
                    }

                    if (items.Count == 0)
                    {
                        continue; // setuptools drops empty values
                    }

                    var tomlKey = "tool.setuptools.packages.find." + key;
                    Mark(tomlKey, items[0]);
                    if (key == "where")
                    {
                        // setuptools takes the first item only.
                        find["where"] = new TomlArray { items[0].Text };
                        Mark(tomlKey + "[0]", items[0]);
                        continue;
                    }

                    var array = new TomlArray();
                    foreach (var item in items)
                    {
                        Mark($"{tomlKey}[{array.Count}]", item);
                        array.Add(item.Text);
                    }

                    find[key] = array;
                }
            }

            find["namespaces"] = value == "find_namespace:";
            _setuptools["packages"] = new TomlTable { ["find"] = find };
            Mark("tool.setuptools.packages", entry.FirstText);
            return;
        }

        TranslateSetuptoolsList("packages", entry);
    }

    private void TranslateSetuptoolsList(string key, IniEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        var array = new TomlArray();
        var path = "tool.setuptools." + key;
        foreach (var item in SplitList(entry.Lines))
        {
            Mark($"{path}[{array.Count}]", item);
            array.Add(item.Text);
        }

        _setuptools[key] = array;
        Mark(path, entry.FirstText);
    }

    private void TranslatePackageDir(IniEntry? entry)
    {
        if (entry is null || SplitDict(entry, OptionsSection) is not { } pairs)
        {
            return;
        }

        var table = new TomlTable();
        foreach (var (package, folder) in pairs)
        {
            table[package] = folder.Text;
            Mark("tool.setuptools.package-dir." + package, folder);
        }

        _setuptools["package-dir"] = table;
        Mark("tool.setuptools.package-dir", entry.FirstText);
    }

    /// <summary>[options.package_data]: package name to globs; setuptools reads the key <c>*</c> (or empty) as every package.</summary>
    private void TranslatePackageData(string key, string sectionName)
    {
        if (_ini.Section(sectionName) is not { } section)
        {
            return;
        }

        var table = new TomlTable();
        var path = "tool.setuptools." + key;
        MarkSection(path, section);
        foreach (var entry in section.Entries)
        {
            var package = SetupCfgKeys.Canonical(sectionName, entry.Key);
            if (package.Length == 0)
            {
                package = "*";
            }

            var globs = new TomlArray();
            foreach (var item in SplitList(entry.Lines))
            {
                Mark($"{path}.{package}[{globs.Count}]", item);
                globs.Add(item.Text);
            }

            table[package] = globs;
            Mark($"{path}.{package}", entry.FirstText);
        }

        _setuptools[key] = table;
    }

    private void TranslateExtras()
    {
        if (_ini.Section("options.extras_require") is not { } section)
        {
            return;
        }

        MarkSection("project.optional-dependencies", section);
        _project["optional-dependencies"] = new TomlTable();
        foreach (var entry in section.Entries)
        {
            TranslateRequirements("optional-dependencies." + entry.Key, entry, section.Name);
        }
    }

    private void TranslateDataFiles()
    {
        if (_ini.Section("options.data_files") is not { } section)
        {
            return;
        }

        var table = new TomlTable();
        MarkSection("tool.setuptools.data-files", section);
        foreach (var entry in section.Entries)
        {
            var files = new TomlArray();
            foreach (var item in SplitList(entry.Lines))
            {
                Mark($"tool.setuptools.data-files.{entry.Key}[{files.Count}]", item);
                files.Add(item.Text);
            }

            table[entry.Key] = files;
            Mark("tool.setuptools.data-files." + entry.Key, entry.FirstText);
        }

        _setuptools["data-files"] = table;
    }

    /// <summary>[options.entry_points]: console_scripts and gui_scripts become [project] scripts and gui-scripts, every
    /// other group [project.entry-points.group]; each item is <c>name = object.reference</c>.</summary>
    private void TranslateEntryPoints()
    {
        if (_ini.Section("options.entry_points") is not { } section)
        {
            return;
        }

        var groups = new TomlTable();
        foreach (var entry in section.Entries)
        {
            var group = SetupCfgKeys.Canonical(section.Name, entry.Key);
            var path = group switch
            {
                "console_scripts" => "project.scripts",
                "gui_scripts" => "project.gui-scripts",
                _ => "project.entry-points." + group,
            };
            var table = new TomlTable();
            foreach (var item in SplitList(entry.Lines))
            {
                var equals = item.Text.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    Error(DiagnosticCodes.SetupCfgValueInvalid, $"The entry point `{item.Text}` in [options.entry_points] {entry.Key} is not `name = module:object`.",
                        item.Line, item.Column, "Write one `name = package.module:function` per line.");
                    continue;
                }

                var name = item.Text[..equals].Trim();
                var reference = item.Text[(equals + 1)..];
                var trimmed = reference.TrimStart();
                table[name] = trimmed.TrimEnd();
                Mark(path + "." + name, new IniValueLine(trimmed.TrimEnd(), item.Line, item.Column + equals + 1 + (reference.Length - trimmed.Length)));
            }

            Mark(path, entry.FirstText);
            if (group == "console_scripts")
            {
                _project["scripts"] = table;
            }
            else if (group == "gui_scripts")
            {
                _project["gui-scripts"] = table;
            }
            else
            {
                groups[group] = table;
            }
        }

        if (groups.Count > 0)
        {
            _project["entry-points"] = groups;
        }
    }
}
