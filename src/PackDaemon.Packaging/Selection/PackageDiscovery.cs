using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Finds what goes into the wheel: the configured packages, else the package or module named after the project
/// (flat or src layout), else a namespace package, else every top-level package under <c>src/</c>.
/// </summary>
internal static class PackageDiscovery
{
    /// <param name="files">Project-relative paths of the files that survived the tree rules.</param>
    /// <returns>The package roots, or an empty list after reporting an error.</returns>
    public static IReadOnlyList<PackageRoot> Discover(SelectionOptions options, HashSet<string> files, DiagnosticBag diagnostics)
    {
        if (options.ExplicitPackages.Count > 0)
        {
            return FromExplicit(options, diagnostics);
        }

        string name = options.ImportName;
        var tried = new List<string>();

        foreach (string prefix in (string[])["", "src/"])
        {
            string init = $"{prefix}{name}/__init__.py";
            tried.Add(init);
            if (files.Contains(init))
            {
                return [new PackageRoot(prefix + name, name, IsModule: false)];
            }
        }

        foreach (string prefix in (string[])["", "src/"])
        {
            string module = $"{prefix}{name}.py";
            tried.Add(module);
            if (files.Contains(module))
            {
                return [new PackageRoot(module, name + ".py", IsModule: true)];
            }
        }

        // Namespace packages: "acme.shop" lives in acme/shop/ without an acme/__init__.py.
        string[] parts = name.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > 1)
        {
            string nested = string.Join('/', parts);
            foreach (string prefix in (string[])["", "src/"])
            {
                string init = $"{prefix}{nested}/__init__.py";
                tried.Add(init);
                if (files.Contains(init))
                {
                    return [new PackageRoot(prefix + nested, nested, IsModule: false)];
                }
            }
        }

        tried.Add($"*/{name}/__init__.py");
        tried.Add($"src/*/{name}/__init__.py");
        var oneDown = new List<PackageRoot>();
        var srcPackages = new List<PackageRoot>();
        string suffix = $"/{name}/__init__.py";
        foreach (string file in files)
        {
            int depth = CountSlashes(file);
            bool inSrc = file.StartsWith("src/", StringComparison.Ordinal);
            if (file.EndsWith(suffix, StringComparison.Ordinal) && depth == (inSrc ? 3 : 2))
            {
                string source = file[..^"/__init__.py".Length];
                oneDown.Add(new PackageRoot(source, inSrc ? source[4..] : source, IsModule: false));
            }
            else if (inSrc && depth == 2 && file.EndsWith("/__init__.py", StringComparison.Ordinal))
            {
                string source = file[..^"/__init__.py".Length];
                srcPackages.Add(new PackageRoot(source, source[4..], IsModule: false));
            }
        }

        if (oneDown.Count > 0)
        {
            oneDown.Sort(static (a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
            return oneDown;
        }

        tried.Add("src/*/__init__.py");
        if (srcPackages.Count > 0)
        {
            srcPackages.Sort(static (a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
            return srcPackages;
        }

        // A candidate that exists on disk was left out by an ignore rule or an exclude glob: that, not a missing
        // folder, is what the user has to fix.
        var hidden = tried.Where(t => !t.Contains('*', StringComparison.Ordinal) && File.Exists(Path.Join(options.ProjectRoot, t))).ToList();
        diagnostics.Error(DiagnosticCodes.NoPackageFound,
            hidden.Count > 0
                ? $"No package or module found for the wheel of '{name}': {string.Join(", ", hidden)} exists but is excluded from the build. Tried: {string.Join(", ", tried)}."
                : $"No package or module found for the wheel of '{name}'. Tried: {string.Join(", ", tried)}.",
            "pyproject.toml",
            fix: hidden.Count > 0
                ? $"Run 'packd explain {hidden[0]}' to see which rule excludes it, then change that .gitignore line or [tool.packd] exclude glob."
                : $"Name the package folder '{name}' (or 'src/{name}'), or list it in pyproject.toml: [tool.packd] packages = [\"path/to/pkg\"].");
        return [];
    }

    private static List<PackageRoot> FromExplicit(SelectionOptions options, DiagnosticBag diagnostics)
    {
        var roots = new List<PackageRoot>();
        foreach (string raw in options.ExplicitPackages)
        {
            string path = raw.Replace('\\', '/').Trim().TrimEnd('/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            string full = Path.Join(options.ProjectRoot, path);
            string baseName = path[(path.LastIndexOf('/') + 1)..];
            if (path.Length > 0 && !path.Contains("..", StringComparison.Ordinal) && Directory.Exists(full))
            {
                roots.Add(new PackageRoot(path, baseName, IsModule: false));
            }
            else if (path.EndsWith(".py", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal) && File.Exists(full))
            {
                roots.Add(new PackageRoot(path, baseName, IsModule: true));
            }
            else
            {
                diagnostics.Error(DiagnosticCodes.ExplicitPackageNotFound,
                    $"The package '{raw}' listed in pyproject.toml is neither a folder nor a .py file inside the project.",
                    "pyproject.toml",
                    fix: "Give the path of the package folder or module relative to the project root, e.g. packages = [\"src/app\"].");
            }
        }

        roots.Sort(static (a, b) => string.CompareOrdinal(a.SourcePath, b.SourcePath));
        return roots;
    }

    private static int CountSlashes(string path)
    {
        int count = 0;
        foreach (char c in path)
        {
            if (c == '/')
            {
                count++;
            }
        }

        return count;
    }
}
