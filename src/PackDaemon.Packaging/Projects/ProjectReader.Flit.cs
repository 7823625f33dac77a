using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Selection.Flit;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// flit_core 3.8's options (<c>[tool.flit.module]</c>, <c>[tool.flit.sdist]</c>, <c>[tool.flit.external-data]</c>) and its
/// dynamic version and description, read from the module's source as flit reads it from the AST.
/// </summary>
internal sealed partial class ProjectReader
{
    private const string FlitBackend = "flit_core.buildapi";
    private const string FlitPath = "tool.flit";

    // The tables flit_core 3.8 knows; the last three are its pre-PEP 621 format, which it refuses next to [project].
    private static readonly string[] s_flitOldFormatTables = ["metadata", "scripts", "entrypoints"];

    private string? _flitModuleName;
    private (FlitModule Module, string? Docstring, FlitVersionFinding Version)? _flitModuleFacts;
    private bool _flitModuleRead;

    private FlitBuildOptions ReadFlitBuild(string name)
    {
        var flit = TableAt(FlitPath) ?? [];
        foreach (var key in flit.Keys)
        {
            if (key is "module" or "sdist" or "external-data" || key.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            _context.Error(DiagnosticCodes.FlitConfigInvalid,
                s_flitOldFormatTables.Contains(key)
                    ? $"[tool.flit.{key}] is flit's old metadata format, which flit_core refuses next to a [project] table."
                    : $"[tool.flit.{key}] is not a table flit_core knows; flit stops with \"Unexpected tables in pyproject.toml\".",
                TomlLocationIndex.Child(FlitPath, key),
                s_flitOldFormatTables.Contains(key)
                    ? "Move its settings to [project] (scripts to [project.scripts], entrypoints to [project.entry-points]) and remove the table."
                    : "Use [tool.flit.module], [tool.flit.sdist] or [tool.flit.external-data], or prefix an extension table with x-.");
        }

        const string SdistPath = FlitPath + ".sdist";
        var sdist = _context.GetTable(flit, "sdist", FlitPath);
        foreach (var key in sdist?.Keys ?? [])
        {
            if (key is not ("include" or "exclude"))
            {
                _context.Error(DiagnosticCodes.FlitConfigInvalid,
                    $"[tool.flit.sdist] has an unknown key `{key}`; flit_core stops on it.",
                    TomlLocationIndex.Child(SdistPath, key),
                    "[tool.flit.sdist] takes only `include` and `exclude` (lists of glob patterns).");
            }
        }

        return new FlitBuildOptions(
            FlitModuleName(name),
            sdist is not null,
            sdist is null ? [] : ReadFlitPatterns(sdist, "include", SdistPath),
            sdist is null ? [] : ReadFlitPatterns(sdist, "exclude", SdistPath),
            ReadFlitExternalData(flit),
            $"{ProjectName.ToFileNameComponent(name)}-{_version}.data/data/");
    }

    private string FlitModuleName(string name)
    {
        if (_flitModuleName is not null)
        {
            return _flitModuleName;
        }

        const string ModulePath = FlitPath + ".module";
        var module = _context.GetTable(TableAt(FlitPath) ?? [], "module", FlitPath);
        string? configured = module is null ? null : _context.GetString(module, "name", ModulePath);
        if (configured is not null && (configured.Length == 0 || configured.Split('.').Any(static part => !IsPythonIdentifier(part))))
        {
            _context.Error(DiagnosticCodes.FlitConfigInvalid,
                $"[tool.flit.module] name `{configured}` is not an importable module name.",
                TomlLocationIndex.Child(ModulePath, "name"),
                "Give the import name, e.g. \"my_package\" or \"namespace.my_package\".");
            configured = null;
        }

        _flitModuleName = configured ?? name.Replace('-', '_');
        return _flitModuleName;
    }

    // config._check_glob_patterns: no control characters or <>:"\, normalized, not absolute, not leaving the project.
    private List<string> ReadFlitPatterns(TomlTable sdist, string key, string sdistPath)
    {
        var result = new List<string>();
        foreach (var (pattern, path) in _context.GetStringList(sdist, key, sdistPath) ?? [])
        {
            string? problem = pattern.Any(static c => c < ' ' || c is '<' or '>' or ':' or '"' or '\\')
                ? "holds a character flit refuses (<>:\"\\ or a control character)"
                : pattern.StartsWith('/') ? "is an absolute path"
                : FlitGlob.Normalize(pattern) is ".." or ['.', '.', '/', ..] ? "points outside the folder holding pyproject.toml"
                : null;
            if (problem is not null)
            {
                _context.Error(DiagnosticCodes.FlitConfigInvalid,
                    $"The sdist {key} pattern `{pattern}` {problem}.",
                    path,
                    "Write a glob relative to pyproject.toml with / between folders, e.g. \"docs/**\" or \"tests/*.py\".");
                continue;
            }

            result.Add(FlitGlob.Normalize(pattern));
        }

        return result;
    }

    private string? ReadFlitExternalData(TomlTable flit)
    {
        const string DataPath = FlitPath + ".external-data";
        var table = _context.GetTable(flit, "external-data", FlitPath);
        string? directory = table is null ? null : _context.GetString(table, "directory", DataPath);
        if (directory is null)
        {
            return null;
        }

        string keyPath = TomlLocationIndex.Child(DataPath, "directory");
        string normalized = FlitGlob.Normalize(directory.Replace('\\', '/'));
        string? problem = directory.StartsWith('/') || normalized is ".." || normalized.StartsWith("../", StringComparison.Ordinal)
            ? "must be a folder inside the project"
            : normalized == "." ? "cannot be the folder holding pyproject.toml"
            : !Directory.Exists(Path.Join(_context.Root, normalized)) ? "must name an existing folder"
            : null;
        if (problem is not null)
        {
            _context.Error(DiagnosticCodes.FlitConfigInvalid,
                $"[tool.flit.external-data] directory `{directory}` {problem}.",
                keyPath,
                "Give a folder relative to pyproject.toml, e.g. directory = \"data\"; its files install under the environment's prefix.");
            return null;
        }

        return normalized;
    }

    private string? ReadFlitVersion(string name)
    {
        if (ReadFlitModule(name) is not { } facts)
        {
            return null;
        }

        var (module, _, version) = facts;
        switch (version.Source)
        {
            case FlitVersionSource.Literal:
                return NormalizeVersionFromFile(version.Value!, module.File, version.Line, version.Column);
            case FlitVersionSource.NeedsImport:
                // flit_core imports the module here; the hybrid (native+evaluated) mode asks its Python worker the same.
                var plan = new EvaluationPlan("version", module.Name + ".__version__", module.Name, ValueConvention.Flit, "flit_core");
                var value = Evaluate(plan, module.File, "__version__", out var evaluated);
                if (evaluated)
                {
                    return value is null ? null : NormalizeVersionFromFile(value, module.File, version.Line, version.Column);
                }

                _context.FileError(DiagnosticCodes.FlitVersionNotLiteral,
                    $"`__version__` in `{module.File}` is not a string literal assigned at the module's top level; flit_core would import the module to learn it, and this build has no Python evaluator (python3) to do the same.",
                    module.File,
                    version.Line,
                    version.Column,
                    "Assign a literal at the top level (`__version__ = \"1.2.0\"`), or set `version` in [project] and remove \"version\" from `dynamic`.");
                return null;
            default:
                _context.FileError(DiagnosticCodes.FlitVersionNotLiteral,
                    $"`{module.File}` has no `__version__`, which flit_core reads as the version because [project] lists \"version\" in `dynamic`.",
                    module.File,
                    1,
                    1,
                    $"Add `__version__ = \"0.1.0\"` at the top level of `{module.File}`, or set `version` in [project].");
                return null;
        }
    }

    private string? ReadFlitSummary(string? name)
    {
        if (name is null || ReadFlitModule(name) is not { } facts)
        {
            return null;
        }

        var (module, docstring, _) = facts;
        var summary = FlitModuleSource.Summary(docstring);
        if (summary is null)
        {
            _context.FileError(DiagnosticCodes.FlitDocstringMissing,
                $"flit_core takes the description from the module's docstring, and `{module.File}` has {(docstring is null ? "none" : "an empty one")}.",
                module.File,
                1,
                1,
                "Start the module with a docstring whose first line describes the project, or set `description` in [project] and remove it from `dynamic`.");
        }

        return summary;
    }

    /// <summary>The module's docstring and version as flit_core finds them; null when it could not be read (reported).</summary>
    private (FlitModule Module, string? Docstring, FlitVersionFinding Version)? ReadFlitModule(string name)
    {
        if (_flitModuleRead)
        {
            return _flitModuleFacts;
        }

        _flitModuleRead = true;
        string moduleName = FlitModuleName(name);
        string where = TableAt(FlitPath + ".module")?.ContainsKey("name") == true ? TomlLocationIndex.Child(FlitPath + ".module", "name") : Child("name");
        var (module, found, candidates) = FlitModule.Locate(_context.Root, moduleName);
        if (module is null)
        {
            _context.Error(found.Count == 0 ? DiagnosticCodes.FlitModuleNotFound : DiagnosticCodes.FlitModuleAmbiguous,
                found.Count == 0
                    ? $"flit_core reads the version and description from the module `{moduleName}`, but none of {string.Join(", ", candidates)} exists."
                    : $"Several files or folders could be flit_core's module `{moduleName}`: {string.Join(", ", found)}; flit refuses to guess.",
                where,
                found.Count == 0
                    ? "Create the module, or name it in [tool.flit.module] name = \"...\" (by default it is the project name with - as _)."
                    : "Remove or rename all but one of them (flit looks at name/, name.py, src/name/ and src/name.py).");
            return null;
        }

        var text = _context.ReadTextFile(module.File, where, "module file");
        if (text is null)
        {
            return null;
        }

        _versionFile = module.File;
        var (docstring, version, problem) = FlitModuleSource.Read(text);
        if (problem is not null)
        {
            _context.FileError(DiagnosticCodes.FlitModuleUnreadable,
                $"packd cannot read `{module.File}` as Python to find its docstring and `__version__`: {problem.Message}.",
                module.File,
                problem.Line,
                problem.Column,
                "Close the string, write a \\N{...} character as the character itself, or set `version` and `description` in [project].");
            return null;
        }

        _flitModuleFacts = (module, docstring, version);
        return _flitModuleFacts;
    }
}
