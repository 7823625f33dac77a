using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Hatch;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// Reads hatchling's file-selection options. Each key of <c>[tool.hatch.build.targets.&lt;target&gt;]</c> replaces the same
/// key of <c>[tool.hatch.build]</c> as a whole, as hatchling does (lists are not merged).
/// </summary>
internal sealed partial class ProjectReader
{
    private const string HatchBuildPath = "tool.hatch.build";
    private const string HatchBackend = "hatchling.build";

    /// <summary><c>&lt;dist&gt;-&lt;version&gt;</c>, the wheel's .data and .dist-info folder stem (set before selection is read).</summary>
    private string _wheelStem = "";

    private HatchBuildOptions ReadHatchBuild(string rawName)
    {
        var build = TableAt(HatchBuildPath) ?? [];
        var wheel = ReadHatchTarget("wheel", build);
        var sdist = ReadHatchTarget("sdist", build);
        return new HatchBuildOptions(wheel, sdist, rawName);
    }

    private HatchTargetOptions ReadHatchTarget(string target, TomlTable build)
    {
        string targetPath = $"{HatchBuildPath}.targets.{target}";
        var targetTable = TableAt(targetPath);
        (TomlTable? Table, string Path) Pick(string key)
            => targetTable is not null && targetTable.ContainsKey(key) ? (targetTable, targetPath)
                : build.ContainsKey(key) ? (build, HatchBuildPath)
                : (null, string.Empty);

        if (targetTable is not null)
        {
            ReportUnemulatedHatchKeys(target, targetTable, targetPath);
        }

        return new HatchTargetOptions
        {
            Packages = ReadHatchPackages(Pick("packages")),
            Include = ReadHatchPatterns(Pick("include"), "include"),
            Exclude = ReadHatchPatterns(Pick("exclude"), "exclude"),
            OnlyInclude = ReadHatchOnlyInclude(Pick("only-include")),
            Artifacts = ReadHatchPatterns(Pick("artifacts"), "artifacts") ?? [],
            Sources = ReadHatchSources(Pick("sources")),
            ForceInclude = ReadHatchInclusionMap(Pick("force-include"), "force-include"),
            // hatchling reads these two from the wheel target's own table only, never from [tool.hatch.build].
            SharedData = target == "wheel" ? ReadHatchInclusionMap(targetTable is null ? (null, "") : (targetTable, targetPath), "shared-data") : [],
            ExtraMetadata = target == "wheel" ? ReadHatchInclusionMap(targetTable is null ? (null, "") : (targetTable, targetPath), "extra-metadata") : [],
            SharedScripts = target == "wheel" ? ReadHatchInclusionMap(targetTable is null ? (null, "") : (targetTable, targetPath), "shared-scripts") : [],
            SharedDataPrefix = target == "wheel" ? $"{_wheelStem}.data/data/" : "",
            SharedScriptsPrefix = target == "wheel" ? $"{_wheelStem}.data/scripts/" : "",
            ExtraMetadataPrefix = target == "wheel" ? $"{_wheelStem}.dist-info/extra_metadata/" : "",
            OnlyPackages = ReadHatchBool(Pick("only-packages"), "only-packages"),
            IgnoreVcs = ReadHatchBool(Pick("ignore-vcs"), "ignore-vcs"),
        };
    }

    // Options that change the artifacts but that packd does not reproduce yet: building anyway would silently give a
    // different wheel or sdist than hatchling's, so they stop the build with a clear message.
    private void ReportUnemulatedHatchKeys(string target, TomlTable table, string path)
    {
        string[] unemulated = target == "wheel" ? [] : ["support-legacy"];
        foreach (string key in unemulated)
        {
            if (table.ContainsKey(key) && !(key == "support-legacy" && table[key] is false))
            {
                _context.Error(DiagnosticCodes.HatchBuildUnsupported,
                    $"[tool.hatch.build.targets.{target}] `{key}` is not emulated by packd yet, so its {target} would differ from hatchling's.",
                    TomlLocationIndex.Child(path, key),
                    $"Remove `{key}`, or build this project with hatchling itself until packd supports it (see docs/compatibility.md).");
            }
        }
    }

    private List<string>? ReadHatchPackages((TomlTable? Table, string Path) at)
    {
        if (at.Table is null)
        {
            return null;
        }

        var packages = new List<string>();
        foreach (var (value, path) in _context.GetStringList(at.Table, "packages", at.Path) ?? [])
        {
            if (ReadHatchRelativePath(value, path, "package folder") is { } package)
            {
                if (!Directory.Exists(Path.Join(_context.Root, package)))
                {
                    _context.Error(DiagnosticCodes.HatchBuildInvalid,
                        $"The package folder `{value}` does not exist; hatchling would silently build a wheel without it.",
                        path,
                        "Give the package's folder relative to pyproject.toml, e.g. \"src/my_package\".");
                    continue;
                }

                packages.Add(package);
            }
        }

        return packages;
    }

    private List<string>? ReadHatchOnlyInclude((TomlTable? Table, string Path) at)
    {
        if (at.Table is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var (value, path) in _context.GetStringList(at.Table, "only-include", at.Path) ?? [])
        {
            if (ReadHatchRelativePath(value, path, "only-include path") is not { } relative)
            {
                continue;
            }

            if (result.Contains(relative))
            {
                _context.Error(DiagnosticCodes.HatchBuildInvalid, $"The only-include path `{value}` is listed twice; hatchling refuses that.", path,
                    "Remove the duplicate entry.");
                continue;
            }

            result.Add(relative);
        }

        return result;
    }

    private List<string>? ReadHatchPatterns((TomlTable? Table, string Path) at, string key)
    {
        if (at.Table is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var (value, path) in _context.GetStringList(at.Table, key, at.Path) ?? [])
        {
            if (value.Length == 0 || Metadata.HeaderText.ContainsLineBreak(value))
            {
                _context.Error(DiagnosticCodes.HatchBuildInvalid, $"A pattern in `{key}` is empty or holds a line break.", path,
                    $"Write one gitignore-style pattern per item, e.g. {key} = [\"/src/pkg/**/*.json\"].");
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    private List<HatchPathMapping> ReadHatchSources((TomlTable? Table, string Path) at)
    {
        var result = new List<HatchPathMapping>();
        if (at.Table is null)
        {
            return result;
        }

        string path = TomlLocationIndex.Child(at.Path, "sources");
        switch (at.Table["sources"])
        {
            case TomlArray:
                foreach (var (value, itemPath) in _context.GetStringList(at.Table, "sources", at.Path) ?? [])
                {
                    if (ReadHatchRelativePath(value, itemPath, "sources prefix") is { } prefix)
                    {
                        result.Add(new HatchPathMapping(prefix + "/", string.Empty));
                    }
                }

                break;
            case TomlTable table:
                foreach (var (key, value) in table)
                {
                    string keyPath = TomlLocationIndex.Child(path, key);
                    if (value is not string replacement)
                    {
                        _context.TypeError(keyPath, "a string (the path that replaces the prefix)", value);
                        continue;
                    }

                    string normalizedReplacement = NormalizeHatchPath(replacement);
                    if (ReadHatchRelativePath(key, keyPath, "sources prefix") is { } prefix)
                    {
                        result.Add(new HatchPathMapping(prefix + "/", normalizedReplacement.Length == 0 ? string.Empty : normalizedReplacement + "/"));
                    }
                }

                break;
            default:
                _context.TypeError(path, "an array of prefixes or a table of prefix = replacement", at.Table["sources"]);
                break;
        }

        return result;
    }

    /// <summary>A <c>source = path-in-the-artifact</c> table: <c>force-include</c>, <c>shared-data</c>, <c>extra-metadata</c>.</summary>
    private List<HatchPathMapping> ReadHatchInclusionMap((TomlTable? Table, string Path) at, string option)
    {
        var result = new List<HatchPathMapping>();
        if (at.Table is null || !at.Table.ContainsKey(option) || _context.GetTable(at.Table, option, at.Path) is not { } table)
        {
            return result;
        }

        string path = TomlLocationIndex.Child(at.Path, option);
        foreach (var (key, value) in table)
        {
            string keyPath = TomlLocationIndex.Child(path, key);
            if (value is not string target || NormalizeHatchPath(target).Length == 0)
            {
                _context.Error(DiagnosticCodes.HatchBuildInvalid, $"{option} `{key}` needs the non-empty path it takes in the artifact.", keyPath,
                    $"Write \"{key}\" = \"path/in/the/artifact\".");
                continue;
            }

            if (ReadHatchRelativePath(key, keyPath, option + " source") is { } source)
            {
                result.Add(new HatchPathMapping(source, NormalizeHatchPath(target)));
            }
        }

        return result;
    }

    private bool ReadHatchBool((TomlTable? Table, string Path) at, string key)
    {
        if (at.Table is null)
        {
            return false;
        }

        if (at.Table[key] is bool value)
        {
            return value;
        }

        _context.TypeError(TomlLocationIndex.Child(at.Path, key), "a boolean (true or false)", at.Table[key]);
        return false;
    }

    /// <summary>A project-relative path, normalized as hatchling does; null (reported) when empty or outside the project.</summary>
    private string? ReadHatchRelativePath(string value, string path, string what)
    {
        string normalized = NormalizeHatchPath(value);
        if (normalized.Length == 0 || normalized == "." || normalized.StartsWith('~') || normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(value))
        {
            _context.Error(DiagnosticCodes.HatchBuildInvalid,
                $"The {what} `{value}` is empty or leaves the project folder; packd only packages files inside the project.",
                path,
                "Give a path relative to pyproject.toml inside the project, e.g. \"src/my_package\".");
            return null;
        }

        return normalized;
    }

    /// <summary>hatchling's <c>normalize_relative_path</c>: <c>os.path.normpath</c>, then no leading or trailing slash.</summary>
    private static string NormalizeHatchPath(string value)
    {
        var parts = new List<string>();
        foreach (string part in value.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
