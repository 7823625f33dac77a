using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    private const string PackdPath = "tool.packd";
    private const string HatchWheelPath = "tool.hatch.build.targets.wheel";

    private SelectionOptions? ReadSelection(string? name)
    {
        var packd = _context.GetTable(TableAt("tool") ?? [], "packd", "tool");
        string[] packages = [];
        string[] include = [];
        string[] exclude = [];
        string[] secretsAllow = [];
        if (packd is not null)
        {
            foreach (var key in packd.Keys)
            {
                if (key is not ("packages" or "include" or "exclude" or "secrets-allow" or "mode" or "delegate-timeout"))
                {
                    _context.Warning(
                        DiagnosticCodes.ToolPackdUnknownKey,
                        $"[tool.packd] has an unknown key `{key}`; it is ignored.",
                        TomlLocationIndex.Child(PackdPath, key),
                        "Known keys: packages, include, exclude, secrets-allow, mode, delegate-timeout.");
                }
            }

            CheckDelegationSettings(packd);

            packages = ReadPackagePaths(_context.GetStringList(packd, "packages", PackdPath));
            include = ReadGlobs(_context.GetStringList(packd, "include", PackdPath));
            exclude = ReadGlobs(_context.GetStringList(packd, "exclude", PackdPath));
            secretsAllow = ReadGlobs(_context.GetStringList(packd, "secrets-allow", PackdPath));
        }

        if (packages.Length == 0 && (packd is null || !packd.ContainsKey("packages")) && TableAt(HatchWheelPath) is { } hatchWheel)
        {
            packages = ReadPackagePaths(_context.GetStringList(hatchWheel, "packages", HatchWheelPath));
        }

        if (name is null)
        {
            return null;
        }

        // A project written for hatchling gets hatchling's file selection, unless it chose packd's own in [tool.packd].
        bool packdSelects = packd is not null && (packd.ContainsKey("packages") || packd.ContainsKey("include") || packd.ContainsKey("exclude"));
        var backend = packdSelects ? null : ReadBackendRules(name);

        return new SelectionOptions(
            _context.Root,
            ProjectName.ToFileNameComponent(name),
            packages,
            include,
            exclude,
            [],
            secretsAllow,
            backend);
    }

    /// <summary>The declared backend's own selection rules when packd emulates them; null means packd's own rules.</summary>
    private BackendRules? ReadBackendRules(string name) => DeclaredBackend() switch
    {
        HatchBackend => ReadHatchBuild(name),
        PoetryBackend when UsesPoetryMetadata() => ReadPoetryBuild(name),
        SetuptoolsBackend or SetuptoolsLegacyBackend => ReadSetuptoolsBuild(),
        FlitBackend => ReadFlitBuild(name),
        PdmBackend => ReadPdmBuild(name),
        UvBackend => ReadUvBuild(name),
        _ => null,
    };

    private string? DeclaredBackend()
        => TableAt("build-system") is { } buildSystem && buildSystem.TryGetValue("build-backend", out var backend) ? backend as string : null;

    /// <summary>The delegation settings are read by BuildModeDecider, which never fails; a wrong value is reported
    /// here, with its position, so it is not silently ignored.</summary>
    private void CheckDelegationSettings(Tomlyn.Model.TomlTable packd)
    {
        if (packd.TryGetValue("mode", out var mode) && mode is not ("auto" or "native" or "delegate"))
        {
            _context.Error(
                DiagnosticCodes.DelegateSettingInvalid,
                $"[tool.packd] mode must be \"auto\", \"native\" or \"delegate\", not {(mode is string text ? $"\"{text}\"" : LoadContext.TypeName(mode))}.",
                TomlLocationIndex.Child(PackdPath, "mode"),
                "Write mode = \"delegate\" to build with the project's own backend, or remove the key.");
        }

        if (packd.TryGetValue("delegate-timeout", out var timeout)
            && timeout is not (long and > 0) && !(timeout is double seconds && seconds > 0 && double.IsFinite(seconds)))
        {
            _context.Error(
                DiagnosticCodes.DelegateSettingInvalid,
                "[tool.packd] delegate-timeout must be a positive number of seconds.",
                TomlLocationIndex.Child(PackdPath, "delegate-timeout"),
                "Write e.g. delegate-timeout = 600, or remove the key for the default (300 s).");
        }
    }

    private string[] ReadPackagePaths(List<(string Value, string Path)>? items)
    {
        var result = new List<string>();
        foreach (var (value, path) in items ?? [])
        {
            var relative = _context.RelativePath(value.TrimEnd('/'), path, "package folder");
            if (relative is null)
            {
                continue;
            }

            if (relative == "." || !Directory.Exists(Path.Combine(_context.Root, relative)))
            {
                _context.Error(
                    DiagnosticCodes.ToolPackdInvalid,
                    $"The package folder `{value}` does not exist.",
                    path,
                    "Give the package's folder relative to pyproject.toml, e.g. \"src/flask_shop\".");
                continue;
            }

            if (!result.Contains(relative))
            {
                result.Add(relative);
            }
        }

        return result.ToArray();
    }

    private string[] ReadGlobs(List<(string Value, string Path)>? items)
    {
        var result = new List<string>();
        foreach (var (value, path) in items ?? [])
        {
            if (value.Trim().Length == 0 || Metadata.HeaderText.ContainsLineBreak(value))
            {
                _context.Error(
                    DiagnosticCodes.ToolPackdInvalid,
                    "A glob in [tool.packd] is empty or holds a line break.",
                    path,
                    "Write one gitignore-style pattern per array item, e.g. \"static/**\".");
                continue;
            }

            result.Add(value);
        }

        return result.ToArray();
    }
}
