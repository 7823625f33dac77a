using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    // PPT#dynamic (PEP 808): keys that may be static and dynamic at once, the backend only appending.
    private static readonly HashSet<string> s_extendableKeys = new(StringComparer.Ordinal)
    {
        "authors", "classifiers", "dependencies", "entry-points", "gui-scripts", "import-names", "import-namespaces",
        "keywords", "license-files", "maintainers", "optional-dependencies", "scripts", "urls",
    };

    private static readonly Dictionary<string, string> s_dynamicProviders = new(StringComparer.Ordinal)
    {
        ["description"] = "setuptools' [tool.setuptools.dynamic] description or flit's module docstring (read only when the build-backend is flit_core)",
        ["readme"] = "setuptools' [tool.setuptools.dynamic] readme or the hatch-fancy-pypi-readme plugin",
        ["classifiers"] = "setuptools' [tool.setuptools.dynamic] classifiers",
        ["scripts"] = "setuptools' [tool.setuptools.dynamic] or setup.py entry_points",
        ["gui-scripts"] = "setup.py entry_points",
        ["entry-points"] = "setuptools' [tool.setuptools.dynamic] entry-points or setup.py",
        ["requires-python"] = "setup.py python_requires",
        ["license"] = "setup.py license",
        ["license-files"] = "setup.py license_files",
        ["authors"] = "setup.py author",
        ["maintainers"] = "setup.py maintainer",
        ["keywords"] = "setup.py keywords",
        ["urls"] = "setup.py project_urls",
        ["import-names"] = "a build-backend plugin",
        ["import-namespaces"] = "a build-backend plugin",
    };

    private void ReadDynamic()
    {
        var items = _context.GetStringList(_project, "dynamic", ProjectPath);
        foreach (var (key, path) in items ?? [])
        {
            if (key == "name")
            {
                _context.Error(
                    DiagnosticCodes.DynamicInvalid,
                    "`name` cannot be dynamic: it must always be given statically in [project].",
                    path,
                    "Remove \"name\" from `dynamic` and set `name = \"...\"` in [project].");
                continue;
            }

            if (!s_projectKeys.Contains(key) || key == "dynamic")
            {
                _context.Error(
                    DiagnosticCodes.DynamicInvalid,
                    $"`{key}` in `dynamic` is not a [project] key.",
                    path,
                    "List only [project] keys such as \"version\" or \"dependencies\".");
                continue;
            }

            if (!_dynamic.Add(key))
            {
                continue;
            }

            if (IsStatic(key) && !s_extendableKeys.Contains(key))
            {
                _context.Error(
                    DiagnosticCodes.DynamicInvalid,
                    $"`{key}` is both set in [project] and listed in `dynamic`; only list and table keys may be both.",
                    path,
                    $"Either remove \"{key}\" from `dynamic` or remove the static `{key}` from [project].");
                continue;
            }

            // flit_core reads the description from the module's docstring, as packd does for it (ProjectReader.Flit).
            bool flitDocstring = key == "description" && DeclaredBackend() == FlitBackend;
            if (!flitDocstring && s_dynamicProviders.TryGetValue(key, out var provider))
            {
                _context.Error(
                    DiagnosticCodes.DynamicUnsupported,
                    $"`{key}` is listed in `dynamic`, but packd cannot compute it: it comes from {provider}, which packd does not run.",
                    path,
                    $"Set `{key}` statically in [project] and remove \"{key}\" from `dynamic`.");
            }
        }
    }

    private string DynamicItemPath(string key)
    {
        if (_project.TryGetValue("dynamic", out var value) && value is TomlArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is string s && s == key)
                {
                    return TomlLocationIndex.Item(Child("dynamic"), i);
                }
            }
        }

        return Child("dynamic");
    }
}
