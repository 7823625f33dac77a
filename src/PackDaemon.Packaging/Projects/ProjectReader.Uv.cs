using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Uv;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// Reads uv_build's <c>[tool.uv.build-backend]</c>: <c>module-root</c>, <c>module-name</c>, <c>namespace</c>,
/// <c>source-include</c>, <c>source-exclude</c>, <c>wheel-exclude</c>, <c>default-excludes</c> and <c>data</c>
/// (crates/uv-build-backend/src/settings.rs <c>BuildBackendSettings</c>). Keys packd does not know make the build
/// delegate (UnemulatedBackendOptions), so they never reach here.
/// </summary>
internal sealed partial class ProjectReader
{
    private const string UvBackend = "uv_build";
    private const string UvBuildPath = "tool.uv.build-backend";

    // settings.rs WheelDataIncludes: uv_build refuses any other key (deny_unknown_fields).
    private static readonly string[] s_uvSchemes = ["purelib", "platlib", "headers", "scripts", "data"];

    private UvBuildOptions ReadUvBuild(string name)
    {
        var table = TableAt(UvBuildPath) ?? [];
        return new UvBuildOptions(
            ReadUvModuleRoot(table),
            ReadUvModuleNames(table, name),
            ReadUvBool(table, "namespace", false),
            ReadUvGlobs(table, "source-include", anchorAllowed: false),
            ReadUvGlobs(table, "source-exclude", anchorAllowed: true),
            ReadUvGlobs(table, "wheel-exclude", anchorAllowed: true),
            ReadUvBool(table, "default-excludes", true),
            ReadUvData(table),
            $"{ProjectName.ToFileNameComponent(name)}-{_version ?? "0"}.data");
    }

    /// <summary><c>module-root</c>: default <c>src</c>; <c>""</c> is the flat layout; it must stay inside the project.</summary>
    private string ReadUvModuleRoot(TomlTable table)
    {
        var value = _context.GetString(table, "module-root", UvBuildPath);
        return value is null ? "src" : ReadUvFolder(value, TomlLocationIndex.Child(UvBuildPath, "module-root"), "module-root") ?? "src";
    }

    private string? ReadUvFolder(string value, string path, string what)
    {
        var relative = value.Length == 0 ? "." : _context.RelativePath(value, path, what);
        return relative is null ? null : relative == "." ? string.Empty : relative.TrimEnd('/');
    }

    /// <summary><c>module-name</c>, a string or a list; default the project name lowercased with <c>-</c> and <c>.</c> as
    /// <c>_</c> (a <c>-stubs</c> project keeps that suffix). Each dot-separated part must be a Python identifier.</summary>
    private List<string> ReadUvModuleNames(TomlTable table, string projectName)
    {
        string path = TomlLocationIndex.Child(UvBuildPath, "module-name");
        List<(string Value, string Path)> names;
        switch (table.TryGetValue("module-name", out var value) ? value : null)
        {
            case null:
                string normalized = ProjectName.Normalize(projectName);
                return [normalized.EndsWith("-stubs", StringComparison.Ordinal)
                    ? ProjectName.ToFileNameComponent(normalized[..^"-stubs".Length]) + "-stubs"
                    : ProjectName.ToFileNameComponent(projectName)];
            case string single:
                names = [(single, path)];
                break;
            default:
                names = _context.AsStringList(value, path) ?? [];
                break;
        }

        var result = new List<string>();
        foreach (var (name, itemPath) in names)
        {
            var parts = name.Split('.');
            string root = parts[0].EndsWith("-stubs", StringComparison.Ordinal) ? parts[0][..^"-stubs".Length] : parts[0];
            if (!parts.Skip(1).Prepend(root).All(IsPythonIdentifier))
            {
                _context.Error(DiagnosticCodes.UvBuildInvalid,
                    $"`{name}` is not a valid module name: uv_build wants Python identifiers separated by dots (a `-stubs` suffix is allowed on the first).",
                    itemPath,
                    "Write the import name, e.g. module-name = \"my_app\" or \"acme.my_app\" for a namespace.");
                continue;
            }

            result.Add(name);
        }

        return result;
    }

    private bool ReadUvBool(TomlTable table, string key, bool fallback)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return fallback;
        }

        if (value is bool flag)
        {
            return flag;
        }

        _context.TypeError(TomlLocationIndex.Child(UvBuildPath, key), "a boolean (true or false)", value);
        return fallback;
    }

    private List<string> ReadUvGlobs(TomlTable table, string key, bool anchorAllowed)
    {
        var result = new List<string>();
        foreach (var (value, path) in _context.GetStringList(table, key, UvBuildPath) ?? [])
        {
            string glob = anchorAllowed && value.StartsWith('/') ? value[1..] : value;
            if (PortableGlobProblem(glob) is { } problem)
            {
                _context.Error(DiagnosticCodes.UvBuildInvalid,
                    $"`{value}` in `{key}` is not a portable glob (PEP 639, as uv_build reads it): {problem}.",
                    path,
                    $"Use letters, digits, `_`, `-`, `.`, `/`, `*`, `?`, `**` and `[...]` only (escape others with `\\`), e.g. {key} = [\"tests/**\"].");
                continue;
            }

            result.Add(value);
        }

        return result;
    }

    /// <summary>uv's <c>PortableGlobParser::Uv</c> rules: PEP 639 characters, <c>\</c> escapes, no <c>..</c>, and
    /// <c>**</c> only as a whole segment.</summary>
    private static string? PortableGlobProblem(string glob)
    {
        if (glob.Length == 0)
        {
            return "it is empty";
        }

        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '\\')
            {
                if (i + 1 >= glob.Length || glob[i + 1] is '/' or '\\')
                {
                    return "a `\\` must escape a character other than a path separator";
                }

                i++;
            }
            else if (c == '[')
            {
                int close = glob.IndexOf(']', i + 1);
                if (close < 0 || glob[(i + 1)..close].Any(static ch => !char.IsLetterOrDigit(ch) && ch is not ('_' or '-' or '.')))
                {
                    return "a `[...]` may hold only letters, digits, `_`, `-` and `.`";
                }

                i = close;
            }
            else if (!char.IsLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/' or '*' or '?'))
            {
                return $"`{c}` at position {i} is not allowed";
            }
        }

        foreach (string segment in glob.Split('/'))
        {
            if (segment == "..")
            {
                return "`..` is not allowed";
            }

            if (segment.Contains("***", StringComparison.Ordinal) || (segment.Contains("**", StringComparison.Ordinal) && segment != "**"))
            {
                return "`**` must be a whole path segment";
            }
        }

        return null;
    }

    private List<UvDataFolder> ReadUvData(TomlTable table)
    {
        var result = new List<UvDataFolder>();
        if (_context.GetTable(table, "data", UvBuildPath) is not { } data)
        {
            return result;
        }

        string dataPath = TomlLocationIndex.Child(UvBuildPath, "data");
        foreach (var (scheme, value) in data)
        {
            string keyPath = TomlLocationIndex.Child(dataPath, scheme);
            if (!s_uvSchemes.Contains(scheme))
            {
                _context.Error(DiagnosticCodes.UvBuildInvalid,
                    $"`{scheme}` is not a wheel data scheme; uv_build accepts {string.Join(", ", s_uvSchemes)}.",
                    keyPath,
                    "Rename the key, e.g. headers = \"include/headers\" or scripts = \"bin\".");
                continue;
            }

            if (value is not string folder)
            {
                _context.TypeError(keyPath, "a string (a folder relative to pyproject.toml)", value);
                continue;
            }

            if (ReadUvFolder(folder, keyPath, $"{scheme} data folder") is { } relative)
            {
                result.Add(new UvDataFolder(scheme, relative));
            }
        }

        return result;
    }
}
