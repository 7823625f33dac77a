using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// One evaluation of setuptools 66's rules: the sdist's file list (egg_info's manifest: defaults, MANIFEST.in, license
/// and referenced files, pruning) and the wheel's build_py/install_data/install_scripts output, with a reason per file.
/// </summary>
internal sealed class SetuptoolsSelector
{
    private static readonly string[] s_readmes = ["README", "README.rst", "README.txt", "README.md"];

    private readonly SelectionOptions _options;
    private readonly SetuptoolsBuildOptions _setuptools;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, List<(string Path, string Reason)>> _wheel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wheelPaths = new(StringComparer.Ordinal);

    public SetuptoolsSelector(SelectionOptions options, SetuptoolsBuildOptions setuptools, DiagnosticBag diagnostics)
    {
        _options = options;
        _setuptools = setuptools;
        _diagnostics = diagnostics;
    }

    public SelectionRun Run()
    {
        var walk = TreeWalker.Walk(_options.ProjectRoot, [string.Empty], _diagnostics);
        var tree = new SetuptoolsTree(walk.Files, walk.Pruned);
        var layout = SetuptoolsLayout.Resolve(_setuptools, tree, _diagnostics);
        if (layout is null)
        {
            const string Refused = "not selected: setuptools' automatic discovery refuses this layout (see PD3101)";
            return new SelectionRun([.. walk.Files.Select(f => new FileVerdict(f, false, f.ExcludedReason ?? Refused, null, false, f.ExcludedReason ?? Refused))],
                walk.Pruned, [], DiscoveryFailed: true);
        }

        var folders = layout.Packages.ToDictionary(static p => p, layout.FolderOf, StringComparer.Ordinal);
        CheckPackageFolders(folders, tree);
        var modules = Modules(layout, folders, tree);
        var packageData = PackageDataFromGlobs(folders, tree);

        var manifest = SdistFileList(tree, modules, packageData);
        foreach (var (file, wheelPath, reason) in modules)
        {
            AddToWheel(file, wheelPath, $"included (setuptools rules): {reason}");
        }

        AddPackageData(folders, packageData, manifest);
        AddDataAndScripts(tree);

        var verdicts = new List<FileVerdict>(walk.Files.Count);
        foreach (var file in walk.Files)
        {
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            bool inSdist = manifest.Files.TryGetValue(file.RelativePath, out var sdistReason);
            string sdistText = inSdist ? $"included (setuptools rules): {sdistReason}" : "not in setuptools' sdist file list (no default, MANIFEST.in or package rule takes it)";
            if (!_wheel.TryGetValue(file.RelativePath, out var targets))
            {
                verdicts.Add(new FileVerdict(file, false, OutOfWheelReason(file.RelativePath, layout), null, inSdist, sdistText));
                continue;
            }

            for (int i = 0; i < targets.Count; i++)
            {
                verdicts.Add(new FileVerdict(file, true, targets[i].Reason, targets[i].Path, inSdist && i == 0, sdistText));
            }
        }

        var roots = layout.Packages.Select(static p => p.Split('.')[0]).Distinct(StringComparer.Ordinal)
            .Select(p => new PackageRoot(layout.FolderOf(p), p, IsModule: false))
            .Concat(layout.Modules.Select(m => new PackageRoot(m, m, IsModule: true)))
            .ToList();
        return new SelectionRun(verdicts, walk.Pruned, roots, DiscoveryFailed: false);
    }

    private static string OutOfWheelReason(string path, SetuptoolsLayout layout)
        => layout.Packages.Count + layout.Modules.Count == 0
            ? "not in the wheel: setuptools found no package or module"
            : $"not in the wheel: neither a module of the packages ({layout.How}) nor package data, data-files or script-files";

    private void CheckPackageFolders(Dictionary<string, string> folders, SetuptoolsTree tree)
    {
        foreach (var (package, folder) in folders)
        {
            if (!tree.FolderExists(folder))
            {
                _diagnostics.Error(DiagnosticCodes.SetuptoolsPackageDirMissing,
                    $"The folder '{folder}' of package '{package}' does not exist; setuptools stops the build there.",
                    "pyproject.toml",
                    fix: "Correct [tool.setuptools] packages or package-dir, or create the package folder.");
            }
        }
    }

    /// <summary>build_py's modules: every <c>*.py</c> directly in each package folder, and each py-modules file.</summary>
    private static List<(string File, string WheelPath, string Reason)> Modules(SetuptoolsLayout layout, Dictionary<string, string> folders, SetuptoolsTree tree)
    {
        var result = new List<(string, string, string)>();
        foreach (var (package, folder) in folders)
        {
            string target = package.Replace('.', '/');
            foreach (var file in tree.FilesIn(folder))
            {
                string name = file[(file.LastIndexOf('/') + 1)..];
                if (name.EndsWith(".py", StringComparison.Ordinal) && !name.StartsWith('.') && !(folder.Length == 0 && name == "setup.py"))
                {
                    result.Add((file, $"{target}/{name}", $"a module of package {package} ({layout.How})"));
                }
            }
        }

        foreach (var module in layout.Modules)
        {
            int dot = module.LastIndexOf('.');
            string package = dot < 0 ? string.Empty : module[..dot];
            string file = SetuptoolsTree.Join(layout.FolderOf(package), module[(dot + 1)..] + ".py");
            string wheelPath = SetuptoolsTree.Join(package.Replace('.', '/'), module[(dot + 1)..] + ".py");
            if (tree.FileSet.Contains(file))
            {
                result.Add((file, wheelPath, $"module {module} ({layout.How})"));
            }
        }

        return result;
    }

    /// <summary>package-data globs per package (Python glob, recursive), minus exclude-package-data.</summary>
    private Dictionary<string, List<(string File, string Reason)>> PackageDataFromGlobs(Dictionary<string, string> folders, SetuptoolsTree tree)
    {
        var result = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var (package, folder) in folders)
        {
            var files = new List<(string, string)>();
            foreach (var pattern in PatternsFor(_setuptools.PackageData, package))
            {
                string full = SetuptoolsTree.Join(folder, pattern);
                files.AddRange(tree.Files.Where(f => SetuptoolsGlob.GlobMatches(full, f, recursive: true))
                    .Select(f => (f, $"package-data '{pattern}' of package {package}")));
            }

            result[package] = ExcludePackageData(package, folder, files);
        }

        return result;
    }

    private List<(string File, string Reason)> ExcludePackageData(string package, string folder, List<(string File, string Reason)> files)
    {
        var excludes = PatternsFor(_setuptools.ExcludePackageData, package).Select(p => SetuptoolsGlob.Fnmatch(SetuptoolsTree.Join(folder, p))).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return files.Where(f => !excludes.Exists(r => r.IsMatch(f.File)) && seen.Add(f.File)).ToList();
    }

    private static IEnumerable<string> PatternsFor(IReadOnlyList<SetuptoolsPatterns> table, string package)
        => table.Where(static t => t.Key.Length == 0).Concat(table.Where(t => t.Key.Length > 0 && t.Key == package)).SelectMany(static t => t.Patterns);

    private ManifestFileList SdistFileList(SetuptoolsTree tree, List<(string File, string WheelPath, string Reason)> modules,
        Dictionary<string, List<(string File, string Reason)>> packageData)
    {
        var list = new ManifestFileList(tree);
        if (s_readmes.FirstOrDefault(tree.FileSet.Contains) is { } readme)
        {
            list.Add(readme, "the first README setuptools' sdist looks for");
        }

        list.Add("setup.py", "setup.py, which setuptools' sdist always carries");
        foreach (var test in tree.Files.Where(static f => SetuptoolsGlob.GlobMatches("test/test*.py", f, recursive: false)))
        {
            list.Add(test, "test/test*.py, a default of setuptools' sdist");
        }

        list.Add("setup.cfg", "setup.cfg, which setuptools' sdist always carries");
        list.Add("pyproject.toml", "pyproject.toml, which setuptools' sdist always carries");
        foreach (var (file, _, reason) in modules)
        {
            list.Add(file, reason);
        }

        foreach (var (file, reason) in packageData.Values.SelectMany(static files => files))
        {
            list.Add(file, reason);
        }

        foreach (var (file, reason) in DataFiles(tree).Select(static d => (d.File, d.Reason)).Concat(Scripts()))
        {
            list.Add(file, reason);
        }

        list.Add(ManifestTemplate.FileName, "MANIFEST.in, which setuptools' sdist always carries");
        if (tree.FileSet.Contains(ManifestTemplate.FileName))
        {
            var read = Inputs.ProjectInput.Read(_options.ProjectRoot, Path.Join(_options.ProjectRoot, ManifestTemplate.FileName));
            if (!read.Succeeded)
            {
                _diagnostics.Error(DiagnosticCodes.ForInput(read.Problem), $"MANIFEST.in was not read: {read.Detail}.", ManifestTemplate.FileName, fix: read.Fix);
                return list;
            }

            string text = read.Text;
            foreach (var command in ManifestTemplate.Parse(text, _diagnostics))
            {
                list.Apply(command, _diagnostics);
            }
        }

        // Added after the template, so MANIFEST.in cannot exclude them.
        foreach (var file in _options.ReadmeAndLicenseFiles.Concat(_options.SdistRequiredFiles))
        {
            list.Add(file, "a readme, license or file the metadata reads (setuptools adds those after MANIFEST.in)");
        }

        list.Remove(static path => path.StartsWith("build/", StringComparison.Ordinal)
            || path.Split('/').SkipLast(1).Any(static part => part is "RCS" or "CVS" or ".svn"));
        return list;
    }

    /// <summary>build_py's data: the globbed files, plus (include-package-data) every sdist file inside a package
    /// folder that is not one of its modules; exclude-package-data applies to both.</summary>
    private void AddPackageData(Dictionary<string, string> folders, Dictionary<string, List<(string File, string Reason)>> fromGlobs, ManifestFileList manifest)
    {
        var fromManifest = new Dictionary<string, List<(string File, string Reason)>>(StringComparer.Ordinal);
        if (_setuptools.IncludePackageData)
        {
            var byFolder = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (package, folder) in folders)
            {
                byFolder.TryAdd(folder, package);
            }

            foreach (var path in manifest.Files.Keys.Order(StringComparer.Ordinal))
            {
                string folder = SetuptoolsTree.Parent(path);
                bool direct = true;
                while (folder.Length > 0 && !byFolder.ContainsKey(folder))
                {
                    folder = SetuptoolsTree.Parent(folder);
                    direct = false;
                }

                if (!byFolder.TryGetValue(folder, out var package))
                {
                    continue;
                }

                string name = path[(path.LastIndexOf('/') + 1)..];
                if (direct && name.EndsWith(".py", StringComparison.Ordinal) && SetuptoolsFinder.IsIdentifier(name[..^3]))
                {
                    continue; // a module, not data
                }

                if (!fromManifest.TryGetValue(package, out var list))
                {
                    list = [];
                    fromManifest[package] = list;
                }

                list.Add((path, $"include-package-data: in the sdist file list ({manifest.Files[path]}) and inside package {package}"));
            }
        }

        foreach (var (package, folder) in folders)
        {
            var candidates = fromManifest.GetValueOrDefault(package, []).Concat(fromGlobs[package]).ToList();
            foreach (var (file, reason) in ExcludePackageData(package, folder, candidates))
            {
                string below = folder.Length == 0 ? file : file[(folder.Length + 1)..];
                AddToWheel(file, SetuptoolsTree.Join(package.Replace('.', '/'), below), $"included (setuptools rules): {reason}");
            }
        }
    }

    private void AddDataAndScripts(SetuptoolsTree tree)
    {
        foreach (var (file, destination, reason) in DataFiles(tree))
        {
            string name = file[(file.LastIndexOf('/') + 1)..];
            AddToWheel(file, $"{_setuptools.DataFolder}/data/{SetuptoolsTree.Join(destination, name)}", $"included (setuptools rules): {reason}");
        }

        foreach (var (file, reason) in Scripts())
        {
            string name = file[(file.LastIndexOf('/') + 1)..];
            AddToWheel(file, $"{_setuptools.DataFolder}/scripts/{name}", $"included (setuptools rules): {reason}");
        }
    }

    private IEnumerable<(string File, string Destination, string Reason)> DataFiles(SetuptoolsTree tree)
    {
        foreach (var entry in _setuptools.DataFiles)
        {
            foreach (var pattern in entry.Patterns)
            {
                string reason = $"data-files \"{entry.Key}\" = '{pattern}'";
                if (pattern.IndexOfAny(['*', '?', '[', ']', '{', '}']) < 0)
                {
                    if (tree.FileSet.Contains(pattern))
                    {
                        yield return (pattern, entry.Key, reason);
                    }

                    continue;
                }

                foreach (var file in tree.Files.Where(f => SetuptoolsGlob.GlobMatches(pattern, f, recursive: true)))
                {
                    yield return (file, entry.Key, reason);
                }
            }
        }
    }

    private IEnumerable<(string File, string Reason)> Scripts()
        => _setuptools.ScriptFiles.Select(static script => (script, $"script-files '{script}'"));

    private void AddToWheel(string file, string wheelPath, string reason)
    {
        // The first rule to place a file at a wheel path wins, as build_py copies each target once.
        if (!_wheelPaths.Add(wheelPath))
        {
            return;
        }

        if (!_wheel.TryGetValue(file, out var targets))
        {
            targets = [];
            _wheel[file] = targets;
        }

        targets.Add((wheelPath, reason));
    }
}
