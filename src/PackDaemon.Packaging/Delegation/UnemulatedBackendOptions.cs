using Tomlyn.Model;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Backend-specific build options packd does not read yet. A project that sets one is delegated rather than built
/// natively with rules that ignore it: a native wheel that silently leaves out package data or takes in other modules
/// would be worse than a slower exact one. hatchling's, pdm-backend's and uv_build's options are read (issue 4); the
/// other backends' option tables are the next part of that issue, and each one moves out of this list as its emulation
/// lands.
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
            return UnemulatedPdmOption(Table(tool, "pdm"), projectRoot);
        }

        if (backend == "poetry.core.masonry.api")
        {
            return Table(tool, "poetry") is { } poetry && poetry.Keys.FirstOrDefault(key => key is "packages" or "include" or "exclude") is { } key
                ? $"[tool.poetry] {key}"
                : null;
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
