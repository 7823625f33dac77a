namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>setuptools 66's package and module finders (setuptools/discovery.py), over the walked tree.</summary>
internal static class SetuptoolsFinder
{
    public enum Kind
    {
        /// <summary><c>find_packages</c>: a package is a folder with <c>__init__.py</c>.</summary>
        Classic,

        /// <summary><c>find_namespace_packages</c>: every folder whose name has no dot.</summary>
        Namespace,

        /// <summary>Flat-layout auto-discovery: importable names only, minus the reserved ones.</summary>
        FlatLayout,
    }

    private static readonly string[] s_alwaysExclude = ["ez_setup", "*__pycache__"];

    // Folder names flat-layout discovery never takes as packages: tooling, docs, tests, hidden and private folders.
    private static readonly string[] s_flatReserved =
    [
        "ci", "bin", "doc", "docs", "documentation", "manpages", "news", "changelog", "test", "tests", "unit_test",
        "unit_tests", "example", "examples", "scripts", "tools", "util", "utils", "python", "build", "dist", "venv",
        "env", "requirements", "tasks", "fabfile", "site_scons", "benchmark", "benchmarks", "exercise", "exercises", "[._]*",
    ];

    /// <summary>Module names flat-layout discovery never takes as the project's module.</summary>
    public static readonly string[] FlatReservedModules =
    [
        "setup", "conftest", "test", "tests", "example", "examples", "build", "toxfile", "noxfile", "pavement", "dodo",
        "tasks", "fabfile", "[Ss][Cc]onstruct", "conanfile", "manage", "benchmark", "benchmarks", "exercise", "exercises",
        "htmlcov", "[._]*",
    ];

    public static IEnumerable<string> FlatReservedPackages => s_flatReserved.SelectMany(static p => new[] { p, p + ".*" });

    /// <summary>Dotted package names under <paramref name="where"/>, parents before children.</summary>
    /// <param name="exclude">An empty list means the finder's default excludes (flat layout: the reserved names).</param>
    public static List<string> FindPackages(SetuptoolsTree tree, string where, Kind kind, IReadOnlyList<string> include, IReadOnlyList<string> exclude)
    {
        var excluded = Filter([.. s_alwaysExclude, .. exclude.Count > 0 ? exclude : kind == Kind.FlatLayout ? FlatReservedPackages : []]);
        var included = Filter(include.Count > 0 ? include : ["*"]);
        var found = new List<string>();
        var pending = new Stack<(string Folder, string Name)>();
        foreach (var child in tree.ChildFolders(where).Reverse())
        {
            if (!child.Contains('.', StringComparison.Ordinal))
            {
                pending.Push((SetuptoolsTree.Join(where, child), child));
            }
        }

        while (pending.Count > 0)
        {
            var (folder, name) = pending.Pop();
            if (!LooksLikePackage(tree, folder, name, kind))
            {
                continue;
            }

            if (included(name) && !excluded(name))
            {
                found.Add(name);
            }

            // setuptools keeps searching below a folder it excluded: `tests.*` exists to exclude what it finds there.
            foreach (var child in tree.ChildFolders(folder).Reverse())
            {
                if (!child.Contains('.', StringComparison.Ordinal))
                {
                    pending.Push((SetuptoolsTree.Join(folder, child), name + "." + child));
                }
            }
        }

        return found;
    }

    /// <summary>Top-level <c>*.py</c> modules of <paramref name="where"/> whose name is importable.</summary>
    public static List<string> FindModules(SetuptoolsTree tree, string where, IReadOnlyList<string> exclude)
    {
        var excluded = Filter(exclude);
        var found = new List<string>();
        foreach (var file in tree.FilesIn(where))
        {
            string name = file[(file.LastIndexOf('/') + 1)..];
            if (!name.EndsWith(".py", StringComparison.Ordinal) || name.StartsWith('.'))
            {
                continue;
            }

            string module = name[..^3];
            if (IsIdentifier(module) && !excluded(module))
            {
                found.Add(module);
            }
        }

        return found;
    }

    /// <summary>Drops packages nested in another of the list (<c>a.b</c> under <c>a</c>).</summary>
    public static List<string> TopLevel(IEnumerable<string> packages)
    {
        var sorted = packages.OrderBy(static p => p.Length).ToList();
        return sorted.Where(p => !sorted.Any(other => p.StartsWith(other + ".", StringComparison.Ordinal))).ToList();
    }

    /// <summary>Python's <c>str.isidentifier</c> for the names projects use.</summary>
    public static bool IsIdentifier(string name)
        => name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(static c => char.IsLetterOrDigit(c) || c == '_');

    private static bool LooksLikePackage(SetuptoolsTree tree, string folder, string name, Kind kind) => kind switch
    {
        Kind.Classic => tree.AnyFileExists(folder + "/__init__.py"),
        Kind.Namespace => true,
        _ => name.Split('.') is var parts
            && (IsIdentifier(parts[0]) || parts[0].EndsWith("-stubs", StringComparison.Ordinal))
            && parts.Skip(1).All(IsIdentifier),
    };

    private static Func<string, bool> Filter(IEnumerable<string> patterns)
    {
        var regexes = patterns.Select(SetuptoolsGlob.Fnmatch).ToArray();
        return name => Array.Exists(regexes, r => r.IsMatch(name));
    }
}
