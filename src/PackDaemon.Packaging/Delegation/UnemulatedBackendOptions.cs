using Tomlyn.Model;

namespace PackDaemon.Packaging.Delegation;

/// <summary>
/// Backend-specific build options packd does not read yet. A project that sets one is delegated rather than built
/// natively with rules that ignore it: a native wheel that silently leaves out package data or takes in other modules
/// would be worse than a slower exact one. hatchling's and flit_core's options are read (issue 4); the other backends' option tables
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
            // [tool.flit.module], [tool.flit.sdist], [tool.flit.external-data] and the docstring description are read
            // natively. flit's old metadata format is not: it holds the whole project's metadata outside [project].
            return Table(tool, "flit") is { } flit && flit.Keys.FirstOrDefault(key => key is "metadata" or "scripts" or "entrypoints") is { } old
                ? $"[tool.flit.{old}] (flit's metadata format before [project])"
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
            return Table(tool, "poetry") is { } poetry && poetry.Keys.FirstOrDefault(key => key is "packages" or "include" or "exclude") is { } key
                ? $"[tool.poetry] {key}"
                : null;
        }

        if (backend == "uv_build")
        {
            return Table(Table(tool, "uv"), "build-backend") is not null ? "[tool.uv.build-backend]" : null;
        }

        return null;
    }

    private static TomlTable? Table(TomlTable? table, string key) => BuildModeDecider.Table(table, key);
}
