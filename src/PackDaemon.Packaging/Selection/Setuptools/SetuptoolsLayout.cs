using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// The packages and modules setuptools builds and where each lives: the explicit <c>packages</c> list,
/// <c>packages.find</c>, or automatic discovery (explicit <c>package-dir</c> layout, then src layout, then flat layout),
/// with <c>package-dir</c> filled in as setuptools fills it.
/// </summary>
internal sealed class SetuptoolsLayout
{
    private readonly Dictionary<string, string> _packageDir;

    private SetuptoolsLayout(Dictionary<string, string> packageDir, List<string> packages, List<string> modules, string how)
    {
        _packageDir = packageDir;
        Packages = packages;
        Modules = modules;
        How = how;
    }

    /// <summary>Dotted package names, parents first.</summary>
    public List<string> Packages { get; }

    /// <summary>Dotted <c>py-modules</c> names.</summary>
    public List<string> Modules { get; }

    /// <summary>How the packages were chosen, for explanations (<c>automatic discovery (flat layout)</c>).</summary>
    public string How { get; }

    /// <summary>Null when setuptools would refuse to build (reported).</summary>
    public static SetuptoolsLayout? Resolve(SetuptoolsBuildOptions options, SetuptoolsTree tree, DiagnosticBag diagnostics)
    {
        var packageDir = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (package, folder) in options.PackageDir)
        {
            packageDir[package] = folder;
        }

        if (options.Packages is { } explicitPackages)
        {
            return new SetuptoolsLayout(packageDir, [.. explicitPackages], [.. options.PyModules ?? []], "[tool.setuptools] packages");
        }

        if (options.Find is { } find)
        {
            var packages = FindConfigured(find, tree, packageDir);
            return new SetuptoolsLayout(packageDir, packages, [.. options.PyModules ?? []], "[tool.setuptools.packages.find]");
        }

        if (options.PyModules is { } modules)
        {
            return new SetuptoolsLayout(packageDir, [], [.. modules], "[tool.setuptools] py-modules");
        }

        return Discover(tree, packageDir, diagnostics);
    }

    /// <summary>distutils' <c>get_package_dir</c>: the most specific <c>package-dir</c> entry wins, the rest of the
    /// dotted name becomes folders below it. Project-relative, <c>""</c> for the root.</summary>
    public string FolderOf(string package)
    {
        var parts = package.Length == 0 ? [] : package.Split('.');
        for (int i = parts.Length; i > 0; i--)
        {
            if (_packageDir.TryGetValue(string.Join('.', parts[..i]), out var folder))
            {
                return string.Join('/', new[] { folder }.Concat(parts[i..]).Where(static p => p.Length > 0));
            }
        }

        string root = _packageDir.GetValueOrDefault(string.Empty, string.Empty);
        return string.Join('/', new[] { root }.Concat(parts).Where(static p => p.Length > 0));
    }

    private static List<string> FindConfigured(SetuptoolsPackageFind find, SetuptoolsTree tree, Dictionary<string, string> packageDir)
    {
        var kind = find.Namespaces ? SetuptoolsFinder.Kind.Namespace : SetuptoolsFinder.Kind.Classic;
        var where = find.Where.Distinct(StringComparer.Ordinal).ToList();
        if (where.Count == 1 && where[0].Length > 0)
        {
            packageDir.TryAdd(string.Empty, where[0]);
        }

        var packages = new List<string>();
        foreach (var folder in where)
        {
            var found = SetuptoolsFinder.FindPackages(tree, folder, kind, find.Include, find.Exclude);
            packages.AddRange(found);
            if (found.Count > 0 && packageDir.GetValueOrDefault(string.Empty) != folder && folder.Length > 0)
            {
                // Several search folders: each top-level package found is mapped to its own folder.
                foreach (var top in SetuptoolsFinder.TopLevel(found))
                {
                    packageDir[top] = SetuptoolsTree.Join(folder, top.Replace('.', '/'));
                }
            }
        }

        return packages;
    }

    private static SetuptoolsLayout? Discover(SetuptoolsTree tree, Dictionary<string, string> packageDir, DiagnosticBag diagnostics)
    {
        var explicitLayout = packageDir.Where(static p => p.Key.Length > 0).ToList();
        if (explicitLayout.Count > 0)
        {
            var packages = new List<string>();
            foreach (var (package, folder) in explicitLayout)
            {
                packages.Add(package);
                packages.AddRange(SetuptoolsFinder.FindPackages(tree, folder, SetuptoolsFinder.Kind.Namespace, [], [])
                    .Select(nested => package + "." + nested));
            }

            return new SetuptoolsLayout(packageDir, packages, [], "automatic discovery (package-dir layout)");
        }

        string source = packageDir.GetValueOrDefault(string.Empty, "src");
        if (source.Length > 0 && tree.FolderExists(source))
        {
            packageDir[string.Empty] = source;
            var packages = SetuptoolsFinder.FindPackages(tree, source, SetuptoolsFinder.Kind.Namespace, [], []);
            var modules = SetuptoolsFinder.FindModules(tree, source, []);
            return new SetuptoolsLayout(packageDir, packages, modules, $"automatic discovery (src layout: {source}/)");
        }

        var flat = SetuptoolsFinder.FindPackages(tree, string.Empty, SetuptoolsFinder.Kind.FlatLayout, [], []);
        var topLevel = SetuptoolsFinder.TopLevel(flat.Where(static p => !p.Split('.')[0].EndsWith("-stubs", StringComparison.Ordinal)));
        if (!Unambiguous(topLevel, "packages", diagnostics))
        {
            return null;
        }

        if (topLevel.Count > 0)
        {
            return new SetuptoolsLayout(packageDir, flat, [], "automatic discovery (flat layout)");
        }

        var flatModules = SetuptoolsFinder.FindModules(tree, string.Empty, SetuptoolsFinder.FlatReservedModules);
        if (!Unambiguous(flatModules, "modules", diagnostics))
        {
            return null;
        }

        if (flatModules.Count == 0)
        {
            diagnostics.Warning(DiagnosticCodes.SetuptoolsNothingDiscovered,
                "setuptools' automatic discovery finds no package and no module in this project, so the wheel holds only its metadata (setuptools builds the same).",
                "pyproject.toml",
                fix: "Put the code in a package folder (with __init__.py) or under src/, or list it in [tool.setuptools] packages or py-modules.");
        }

        return new SetuptoolsLayout(packageDir, [], flatModules, "automatic discovery (flat layout, single module)");
    }

    private static bool Unambiguous(List<string> found, string kind, DiagnosticBag diagnostics)
    {
        if (found.Count <= 1)
        {
            return true;
        }

        string names = string.Join(", ", found.Order(StringComparer.Ordinal));
        diagnostics.Error(DiagnosticCodes.SetuptoolsFlatLayoutAmbiguous,
            $"setuptools' automatic discovery finds several top-level {kind} in this flat layout ({names}) and refuses to build, so packd does too.",
            "pyproject.toml",
            fix: kind == "packages"
                ? $"Name the package to ship: [tool.setuptools] packages = [\"{found[0]}\"], or [tool.setuptools.packages.find] include = [\"{found[0]}*\"] (or exclude the others), or move the code under src/."
                : $"Name the module to ship: [tool.setuptools] py-modules = [\"{found[0]}\"], or move the code under src/.");
        return false;
    }
}
