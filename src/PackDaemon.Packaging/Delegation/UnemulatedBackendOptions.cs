using Tomlyn.Model;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Backend-specific build options packd does not read yet. A project that sets one is delegated rather than built
/// natively with rules that ignore it: a native wheel that silently leaves out package data or takes in other modules
/// would be worse than a slower exact one. hatchling's and poetry-core's options are read (issue 4); the other backends' option tables
/// are the next part of that issue, and each one moves out of this list as its emulation lands.
/// </summary>
internal static class UnemulatedBackendOptions
{
    /// <summary>Where the first option packd would ignore is, or null when the native build reads everything set.</summary>
    public static string? Find(string backend, TomlTable document, string projectRoot)
    {
        var tool = Table(document, "tool");
        if (backend.StartsWith("setuptools.", StringComparison.Ordinal))
        {
            // [tool.setuptools.dynamic] is read natively (version, readme, dependency files); nothing else is yet.
            var setuptools = Table(tool, "setuptools");
            var other = setuptools?.Keys.FirstOrDefault(key => key != "dynamic");
            if (other is not null)
            {
                return $"[tool.setuptools] {other}";
            }

            return File.Exists(Path.Combine(projectRoot, "MANIFEST.in")) ? "MANIFEST.in" : null;
        }

        if (backend == "flit_core.buildapi")
        {
            if (Table(tool, "flit") is { Count: > 0 } flit)
            {
                return $"[tool.flit.{flit.Keys.First()}]";
            }

            // flit takes the description from the module's docstring, which the native build does not read.
            return Table(document, "project")?.TryGetValue("dynamic", out var dynamic) == true && dynamic is TomlArray list
                && list.OfType<string>().Contains("description")
                ? "a dynamic description (flit reads the module docstring)"
                : null;
        }

        if (backend == "pdm.backend")
        {
            return Table(tool, "pdm") is { } pdm && pdm.Keys.FirstOrDefault(key => key is "build" or "version") is { } key
                ? $"[tool.pdm.{key}]"
                : null;
        }

        if (backend == "poetry.core.masonry.api")
        {
            return Table(tool, "poetry") is { } poetry ? UnemulatedPoetryOption(poetry) : null;
        }

        if (backend == "uv_build")
        {
            return Table(Table(tool, "uv"), "build-backend") is not null ? "[tool.uv.build-backend]" : null;
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

    private static TomlTable? Table(TomlTable? table, string key) => BuildModeDecider.Table(table, key);
}
