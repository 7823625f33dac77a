using System.Text.RegularExpressions;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Pdm;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// Reads pdm-backend's options: <c>[tool.pdm.build]</c> (<c>includes</c>, <c>excludes</c>, <c>source-includes</c>,
/// <c>package-dir</c>, <c>wheel-data</c>) and <c>[tool.pdm.version] source = "file"</c>. Options that need pdm-backend's
/// code (hooks, setuptools, scm versions) never reach here: UnemulatedBackendOptions delegates them.
/// </summary>
internal sealed partial class ProjectReader
{
    private const string PdmBackend = "pdm.backend";
    private const string PdmBuildPath = "tool.pdm.build";
    private const string PdmVersionPath = "tool.pdm.version";

    // pdm-backend 2.4's Builder.find_license_files: without license-files, these root globs (no AUTHORS*).
    private static readonly string[] s_pdmDefaultLicenseGlobs = ["LICEN[CS]E*", "COPYING*", "NOTICE*"];

    // wheel.py SCHEME_NAMES: anything else makes pdm-backend raise.
    private static readonly string[] s_pdmSchemes = ["purelib", "platlib", "include", "platinclude", "scripts", "data"];

    // hooks/version/__init__.py resolve_version_from_file: the first `__version__ = "..."` line, quotes ' or ".
    private static readonly Regex s_pdmVersionLine = new(
        """^__version__\s*=\s*["'](?<version>.+?)["']\s*(?:#.*)?$""",
        RegexOptions.Multiline | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private PdmBuildOptions ReadPdmBuild(string name)
    {
        var build = TableAt(PdmBuildPath) ?? [];
        return new PdmBuildOptions(
            ReadPdmPatterns(build, "includes"),
            ReadPdmPatterns(build, "excludes"),
            ReadPdmPatterns(build, "source-includes"),
            ReadPdmPackageDir(build),
            ReadPdmWheelData(build),
            $"{ProjectName.ToFileNameComponent(name)}-{_version ?? "0"}.data");
    }

    private List<string> ReadPdmPatterns(TomlTable build, string key)
    {
        var result = new List<string>();
        foreach (var (value, path) in _context.GetStringList(build, key, PdmBuildPath) ?? [])
        {
            if (CheckPdmPattern(value, path, key))
            {
                result.Add(value.Replace('\\', '/'));
            }
        }

        return result;
    }

    private bool CheckPdmPattern(string value, string path, string key)
    {
        var segments = value.Replace('\\', '/').Split('/');
        if (value.Trim().Length == 0 || Metadata.HeaderText.ContainsLineBreak(value) || value.StartsWith('/') || Path.IsPathRooted(value)
            || segments.Contains("..") || value.Contains("${", StringComparison.Ordinal))
        {
            _context.Error(DiagnosticCodes.PdmBuildInvalid,
                $"The {key} pattern `{value}` is empty, absolute, leaves the project folder or names pdm's build folder; packd only packages files inside the project.",
                path,
                $"Write a glob relative to pyproject.toml, e.g. {key} = [\"src/pkg/data/*.json\"].");
            return false;
        }

        return true;
    }

    /// <summary><c>BuildConfig.package_dir</c>: <c>src</c> when that folder exists, else the root.</summary>
    private string ReadPdmPackageDir(TomlTable build)
    {
        var value = _context.GetString(build, "package-dir", PdmBuildPath);
        if (value is null)
        {
            return Directory.Exists(Path.Join(_context.Root, "src")) ? "src" : string.Empty;
        }

        string keyPath = TomlLocationIndex.Child(PdmBuildPath, "package-dir");
        var relative = _context.RelativePath(value.Length == 0 ? "." : value, keyPath, "package-dir");
        if (relative is null)
        {
            return string.Empty;
        }

        relative = relative == "." ? string.Empty : relative.TrimEnd('/');
        if (!Directory.Exists(Path.Join(_context.Root, relative)))
        {
            _context.Error(DiagnosticCodes.PdmBuildInvalid,
                $"The package-dir `{value}` does not exist; pdm-backend fails listing it.",
                keyPath,
                "Give the folder holding the packages, relative to pyproject.toml (e.g. \"src\"), or remove package-dir.");
        }

        return relative;
    }

    private List<PdmWheelData> ReadPdmWheelData(TomlTable build)
    {
        var result = new List<PdmWheelData>();
        if (_context.GetTable(build, "wheel-data", PdmBuildPath) is not { } table)
        {
            return result;
        }

        string tablePath = TomlLocationIndex.Child(PdmBuildPath, "wheel-data");
        foreach (var (scheme, value) in table)
        {
            string schemePath = TomlLocationIndex.Child(tablePath, scheme);
            if (!s_pdmSchemes.Contains(scheme))
            {
                _context.Error(DiagnosticCodes.PdmBuildInvalid,
                    $"`{scheme}` is not an install scheme; pdm-backend accepts {string.Join(", ", s_pdmSchemes)}.",
                    schemePath,
                    "Rename the key, e.g. scripts = [\"bin/*\"] or data = [{ path = \"share/**/*\", relative-to = \".\" }].");
                continue;
            }

            if (value is not TomlArray items)
            {
                _context.TypeError(schemePath, "an array of paths or { path, relative-to } tables", value);
                continue;
            }

            for (int i = 0; i < items.Count; i++)
            {
                string itemPath = TomlLocationIndex.Item(schemePath, i);
                if (ReadPdmWheelDataItem(scheme, items[i], itemPath) is { } item)
                {
                    result.Add(item);
                }
            }
        }

        return result;
    }

    private PdmWheelData? ReadPdmWheelDataItem(string scheme, object? value, string itemPath)
    {
        switch (value)
        {
            case string pattern:
                return CheckPdmPattern(pattern, itemPath, "wheel-data") ? new PdmWheelData(scheme, pattern, null) : null;
            case TomlTable entry:
                var pathValue = _context.GetString(entry, "path", itemPath);
                if (pathValue is null)
                {
                    _context.Error(DiagnosticCodes.PdmBuildInvalid, "A wheel-data table needs `path`.", itemPath,
                        "Write { path = \"share/**/*\", relative-to = \".\" }.");
                    return null;
                }

                if (!CheckPdmPattern(pathValue, TomlLocationIndex.Child(itemPath, "path"), "wheel-data"))
                {
                    return null;
                }

                var relativeTo = _context.GetString(entry, "relative-to", itemPath);
                string? normalizedRelativeTo = null;
                if (!string.IsNullOrEmpty(relativeTo))
                {
                    if (_context.RelativePath(relativeTo, TomlLocationIndex.Child(itemPath, "relative-to"), "relative-to folder") is not { } relative)
                    {
                        return null;
                    }

                    normalizedRelativeTo = relative == "." ? string.Empty : relative.TrimEnd('/');
                }

                return new PdmWheelData(scheme, pathValue, normalizedRelativeTo);
            default:
                _context.TypeError(itemPath, "a path pattern or a { path, relative-to } table", value);
                return null;
        }
    }

    /// <summary><c>[tool.pdm.version] source = "file"</c>: the first <c>__version__ = "..."</c> line of <c>path</c>.</summary>
    private string? ReadPdmVersion(TomlTable version)
    {
        var source = _context.GetString(version, "source", PdmVersionPath);
        if (source is null)
        {
            _context.Error(DiagnosticCodes.PdmVersionInvalid, "[tool.pdm.version] has no `source`; pdm-backend requires it.", PdmVersionPath,
                "Add source = \"file\" with path = \"src/pkg/__init__.py\" naming the file holding `__version__ = \"...\"`.");
            return null;
        }

        if (source != "file")
        {
            _context.Error(DiagnosticCodes.DynamicUnsupported,
                $"pdm-backend's version source `{source}` runs code or reads git, which packd does not do natively.",
                TomlLocationIndex.Child(PdmVersionPath, "source"),
                "Use source = \"file\" with path = \"src/pkg/__init__.py\", or remove [tool.packd] mode = \"native\" so pdm-backend builds it.");
            return null;
        }

        var file = _context.GetString(version, "path", PdmVersionPath);
        string pathKey = TomlLocationIndex.Child(PdmVersionPath, "path");
        if (file is null)
        {
            _context.Error(DiagnosticCodes.PdmVersionInvalid, "[tool.pdm.version] source = \"file\" needs `path`.", PdmVersionPath,
                "Add path = \"src/pkg/__init__.py\" naming the file holding `__version__ = \"...\"`.");
            return null;
        }

        var relative = _context.RelativePath(file, pathKey, "version file");
        var text = relative is null ? null : _context.ReadTextFile(relative, pathKey, "version file");
        if (text is null)
        {
            return null;
        }

        _versionFile = relative;
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var match = s_pdmVersionLine.Match(text);
        if (!match.Success)
        {
            _context.FileError(DiagnosticCodes.PdmVersionInvalid,
                $"`{relative}` has no line `__version__ = \"...\"`, where pdm-backend's file version source reads the version.",
                relative!,
                1,
                1,
                $"Add a top-level line `__version__ = \"0.1.0\"` to `{relative}` (a literal string, single or double quotes).");
            return null;
        }

        var group = match.Groups["version"];
        string before = text[..group.Index];
        int line = before.Count(static c => c == '\n') + 1;
        return NormalizeVersionFromFile(group.Value, relative!, line, group.Index - before.LastIndexOf('\n'));
    }
}
