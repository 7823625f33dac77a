using Tomlyn.Model;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Backend-specific build options packd does not read yet. A project that sets one is delegated rather than built
/// natively with rules that ignore it: a native wheel that silently leaves out package data or takes in other modules
/// would be worse than a slower exact one. Each backend's options leave this list as their emulation lands (issue 4):
/// what remains here is what packd still hands to the backend itself.
/// </summary>
internal static class UnemulatedBackendOptions
{
    // What the native setuptools emulation reads (docs/compatibility.md#setuptools). zip-safe only matters to eggs.
    // Everything else (cmdclass, ext-modules, license-files, platforms, eager-resources...) is delegated.
    private static readonly HashSet<string> s_emulatedSetuptoolsKeys =
    [
        "dynamic", "packages", "package-dir", "package-data", "exclude-package-data", "include-package-data",
        "py-modules", "data-files", "script-files", "zip-safe",
    ];

    /// <summary>Where the first option packd would ignore is, or null when the native build reads everything set.</summary>
    public static string? Find(string backend, TomlTable document, string projectRoot)
    {
        var tool = Table(document, "tool");
        if (backend.StartsWith("setuptools.", StringComparison.Ordinal))
        {
            var setuptools = Table(tool, "setuptools");
            if (setuptools?.Keys.FirstOrDefault(key => !s_emulatedSetuptoolsKeys.Contains(key)) is { } other)
            {
                return $"[tool.setuptools] {other}";
            }

            return setuptools is not null && PythonScript(setuptools, projectRoot) is { } script
                ? $"[tool.setuptools] script-files ({script})"
                : null;
        }

        if (backend == "flit_core.buildapi")
        {
            // [tool.flit.module], [tool.flit.sdist], [tool.flit.external-data] and the docstring description are read
            // natively. flit's old metadata format is not: it holds the whole project's metadata outside [project].
            return Table(tool, "flit") is { } flit && flit.Keys.FirstOrDefault(key => key is "metadata" or "scripts" or "entrypoints") is { } old
                ? $"[tool.flit.{old}] (flit's metadata format before [project])"
                : null;
        }

        if (backend == "pdm.backend")
        {
            return UnemulatedPdmOption(Table(tool, "pdm"), projectRoot);
        }

        if (backend == "poetry.core.masonry.api")
        {
            return Table(tool, "poetry") is { } poetry ? UnemulatedPoetryOption(poetry) : null;
        }

        if (backend == "uv_build")
        {
            // A key a later uv_build added (or a typo uv_build ignores) could change the file set: delegate rather than guess.
            return Table(Table(tool, "uv"), "build-backend")?.Keys.FirstOrDefault(key => !s_uvBuildKeys.Contains(key)) is { } key
                ? $"[tool.uv.build-backend] {key}"
                : null;
        }

        return null;
    }

    /// <summary>poetry-core 1.4's metadata, packages, include and exclude are read natively; a build script, file scripts,
    /// path dependencies and constraints poetry-core would print in a form packd does not model are left to it.</summary>
    private static string? UnemulatedPoetryOption(TomlTable poetry)
    {
        if (poetry.ContainsKey("build"))
        {
            return "[tool.poetry] build (a build script runs code)";
        }

        foreach (var (name, script) in Table(poetry, "scripts") ?? [])
        {
            if (script is TomlTable table && table.TryGetValue("type", out var type) && type is not "console")
            {
                return $"[tool.poetry.scripts] {name} (a `{type}` script)";
            }
        }

        foreach (var (name, value) in Table(poetry, "dependencies") ?? [])
        {
            if (name.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                if (value is string python && python.Trim() != "*" && Projects.Poetry.PoetryConstraint.Parse(python, out _)?.ToRequiresPython() is null)
                {
                    return $"[tool.poetry.dependencies] python = \"{python}\"";
                }

                continue;
            }

            foreach (var item in value is TomlArray many ? many.Cast<object?>() : [value])
            {
                if (Projects.Poetry.PoetryDependency.Translate(name, item, out var why) is null)
                {
                    return $"[tool.poetry.dependencies] {name}: {why}";
                }
            }
        }

        return null;
    }

    /// <summary>The first script-files entry whose python shebang packd cannot rewrite as setuptools' build_scripts
    /// does (a script in another encoding than UTF-8): such a project stays delegated rather than get a wrong script.
    /// An empty script is left out by setuptools too, so it stays delegated as well (packd does not model the skip).</summary>
    private static string? PythonScript(TomlTable setuptools, string projectRoot)
    {
        if (!setuptools.TryGetValue("script-files", out var scripts) || scripts is not TomlArray list)
        {
            return null;
        }

        foreach (var script in list.OfType<string>())
        {
            var read = Inputs.ProjectInput.Read(projectRoot, Path.Combine(projectRoot, script));
            if (read.Bytes is not { } bytes)
            {
                continue; // a missing or refused script is reported by the native build, which names it
            }

            if (bytes.Length == 0)
            {
                return $"{script}: empty, which setuptools skips";
            }

            if (Scripts.ShebangRewriter.SetuptoolsUnsupported(bytes) is { } why)
            {
                return $"{script}: {why}";
            }
        }

        return null;
    }

    // [tool.pdm.build] keys the native build reads (is-purelib only as true, editable-backend only matters for editables).
    private static readonly HashSet<string> s_pdmBuildKeys = new(StringComparer.Ordinal)
    {
        "includes", "excludes", "source-includes", "package-dir", "wheel-data", "is-purelib", "editable-backend",
    };

    private static readonly HashSet<string> s_uvBuildKeys = new(StringComparer.Ordinal)
    {
        "module-root", "module-name", "namespace", "source-include", "source-exclude", "wheel-exclude", "default-excludes", "data",
    };

    /// <summary>pdm-backend runs code for its build hooks (pdm_build.py, custom-hook), run-setuptools and the scm and
    /// call version sources; a platform wheel (is-purelib = false) is not what packd writes.</summary>
    private static string? UnemulatedPdmOption(TomlTable? pdm, string projectRoot)
    {
        var build = Table(pdm, "build");
        if (build?.Keys.FirstOrDefault(key => !s_pdmBuildKeys.Contains(key) && !(key == "run-setuptools" && build[key] is false)) is { } key)
        {
            return $"[tool.pdm.build] {key}";
        }

        if (build?.TryGetValue("is-purelib", out var purelib) == true && purelib is false)
        {
            return "[tool.pdm.build] is-purelib = false (a platform wheel)";
        }

        if (File.Exists(Path.Combine(projectRoot, "pdm_build.py")))
        {
            return "pdm_build.py (a pdm-backend build hook)";
        }

        var version = Table(pdm, "version");
        return version?.TryGetValue("source", out var source) == true && source is string name && name != "file"
            ? $"[tool.pdm.version] source = \"{name}\""
            : null;
    }

    private static TomlTable? Table(TomlTable? table, string key) => BuildModeDecider.Table(table, key);
}
