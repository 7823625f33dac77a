using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Poetry;

/// <summary>
/// poetry-core 1.4's file selection for both artifacts: each package and include entry expanded with pathlib globs,
/// packages' files filtered by the exclusions (VCS-ignored files when the project is in a git repository, plus
/// <c>exclude</c>, minus <c>include</c>), and, for the sdist, pyproject.toml, the readme and LICENSE* added.
/// </summary>
internal sealed class PoetrySelector
{
    private const string Wheel = "wheel";
    private const string Sdist = "sdist";

    private readonly SelectionOptions _options;
    private readonly PoetryBuildOptions _poetry;
    private readonly DiagnosticBag _diagnostics;
    private List<WalkedFile> _files = [];
    private HashSet<string> _folders = new(StringComparer.Ordinal);
    private readonly HashSet<PoetryPackageSpec> _reported = new(ReferenceEqualityComparer.Instance);

    public PoetrySelector(SelectionOptions options, PoetryBuildOptions poetry, DiagnosticBag diagnostics)
    {
        _options = options;
        _poetry = poetry;
        _diagnostics = diagnostics;
    }

    public SelectionRun Evaluate()
    {
        var walker = TreeWalker.Walk(_options.ProjectRoot, [string.Empty], _diagnostics);
        _files = walker.Files.Where(static f => f.ExcludedReason is null).OrderBy(static f => f.RelativePath, StringComparer.Ordinal).ToList();
        foreach (var file in _files)
        {
            for (var slash = file.RelativePath.IndexOf('/'); slash > 0; slash = file.RelativePath.IndexOf('/', slash + 1))
            {
                _folders.Add(file.RelativePath[..slash]);
            }
        }

        var packages = _poetry.Packages.Count > 0 ? _poetry.Packages : DefaultPackages();
        if (packages is null)
        {
            return new SelectionRun([], walker.Pruned, [], DiscoveryFailed: true);
        }

        var inGit = GitRepository.Find(_options.ProjectRoot) is not null;
        var wheel = Select(Wheel, packages, inGit);
        var sdist = Select(Sdist, packages, inGit);
        foreach (var extra in _poetry.SdistExtras)
        {
            if (_files.Any(f => f.RelativePath == extra))
            {
                sdist.TryAdd(extra, new Chosen(extra, "always in poetry-core's sdist (pyproject.toml, readme, LICENSE*)"));
            }
        }

        var verdicts = new List<FileVerdict>(walker.Files.Count);
        foreach (var file in walker.Files)
        {
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            var toWheel = wheel.GetValueOrDefault(file.RelativePath);
            var toSdist = sdist.GetValueOrDefault(file.RelativePath);
            verdicts.Add(new FileVerdict(
                file,
                toWheel is not null,
                toWheel is null ? "not selected for the wheel by poetry-core's packages/include" : $"included (poetry-core rules): {toWheel.Reason}",
                toWheel?.ArchivePath,
                toSdist is not null,
                toSdist is null ? "not selected for the sdist by poetry-core's packages/include" : $"included (poetry-core rules): {toSdist.Reason}",
                toSdist?.ArchivePath));
        }

        return new SelectionRun(verdicts, walker.Pruned, Roots(wheel.Values), DiscoveryFailed: false);
    }

    /// <summary>The package or module named after the project, at the root or under src/ (poetry-core's Module).</summary>
    private List<PoetryPackageSpec>? DefaultPackages()
    {
        var name = _poetry.ModuleName;
        foreach (var from in new[] { "", "src" })
        {
            var prefix = from.Length == 0 ? "" : from + "/";
            var isFolder = _folders.Contains(prefix + name);
            var isModule = _files.Any(f => f.RelativePath == prefix + name + ".py");
            if (isFolder && isModule)
            {
                _diagnostics.Error(DiagnosticCodes.PoetrySelectionInvalid,
                    $"Both {prefix}{name}/ and {prefix}{name}.py exist; poetry-core refuses to guess which one is the package.",
                    "pyproject.toml",
                    fix: $"Remove one of them, or name the package in [tool.poetry] packages = [{{ include = \"{name}\" }}].");
                return null;
            }

            if (isFolder || isModule)
            {
                return [new PoetryPackageSpec(isFolder ? name : name + ".py", from, [])];
            }
        }

        _diagnostics.Error(DiagnosticCodes.NoPackageFound,
            $"poetry-core finds no package for this project: neither {name}/, {name}.py, src/{name}/ nor src/{name}.py exists.",
            "pyproject.toml",
            fix: $"Create the package {name}/, or list it in [tool.poetry] packages = [{{ include = \"your_package\" }}].");
        return null;
    }

    private Dictionary<string, Chosen> Select(string format, IReadOnlyList<PoetryPackageSpec> packages, bool inGit)
    {
        var excluded = Exclusions(format, inGit);
        bool IsExcluded(string path)
        {
            for (var current = path; ; current = current[..current.LastIndexOf('/')])
            {
                if (excluded.Contains(current))
                {
                    return true;
                }

                if (!current.Contains('/', StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        var chosen = new Dictionary<string, Chosen>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            if (package.Formats.Count > 0 && !package.Formats.Contains(format))
            {
                continue;
            }

            var baseFolder = package.From.Length == 0 ? "" : package.From + "/";
            var elements = Glob(baseFolder, package.Include);
            if (elements.Count == 0)
            {
                // Both passes meet the same entry; one error is enough.
                if (_reported.Add(package))
                {
                    _diagnostics.Error(DiagnosticCodes.PoetrySelectionInvalid,
                        $"[tool.poetry] packages: `{baseFolder}{package.Include}` matches nothing, which poetry-core refuses.",
                        "pyproject.toml",
                        fix: "Correct `include`/`from` so they name the package folder or module, relative to pyproject.toml.");
                }

                continue;
            }

            // PackageInclude.check_elements: several matches (a glob) are a package named after the first match's
            // parent folder; one folder is a package holding everything below it; one file is a module, never checked.
            string? packageName = null;
            if (elements.Count > 1)
            {
                packageName = FolderName(elements[0][..Math.Max(0, elements[0].LastIndexOf('/'))]);
            }
            else if (_folders.Contains(elements[0]))
            {
                packageName = FolderName(elements[0]);
                elements = Below(elements[0]);
            }

            if (packageName is not null && !IsStubOnly(packageName, elements) && !elements.Any(static e => e.EndsWith(".py", StringComparison.Ordinal)))
            {
                if (_reported.Add(package))
                {
                    _diagnostics.Error(DiagnosticCodes.PoetrySelectionInvalid,
                        $"[tool.poetry] packages: `{baseFolder}{package.Include}` holds no .py file, so poetry-core says it is not a package.",
                        "pyproject.toml",
                        fix: "Add the package's modules, or move data-only folders to [tool.poetry] include.");
                }

                continue;
            }

            var sourceRoot = format == Wheel ? baseFolder : "";
            AddElements(chosen, elements, format, package.Formats.Count > 0 ? package.Formats : [Sdist], sourceRoot, checkExcluded: true, IsExcluded, $"in package {baseFolder}{package.Include}");
        }

        foreach (var include in _poetry.Include)
        {
            if (include.Formats.Count > 0 && !include.Formats.Contains(format))
            {
                continue;
            }

            var formats = include.Formats.Count > 0 ? include.Formats : [Sdist];
            AddElements(chosen, Glob("", include.Path), format, formats, "", checkExcluded: false, IsExcluded, $"include {include.Path}");
        }

        return chosen;
    }

    /// <summary>The last name of a project-relative folder; the project root's own name for the root (poetry-core's
    /// paths are absolute).</summary>
    private string FolderName(string folder)
        => folder.Length > 0 ? folder[(folder.LastIndexOf('/') + 1)..] : Path.GetFileName(Path.TrimEndingDirectorySeparator(_options.ProjectRoot));

    /// <summary>PackageInclude.is_stub_only: a PEP 561 stub-only package is named <c>*-stubs</c> and holds only .pyi files
    /// and py.typed.</summary>
    private bool IsStubOnly(string packageName, List<string> elements)
        => packageName.EndsWith("-stubs", StringComparison.Ordinal)
            && elements.Where(e => !_folders.Contains(e)).All(static e => e.EndsWith(".pyi", StringComparison.Ordinal) || e == "py.typed" || e.EndsWith("/py.typed", StringComparison.Ordinal));

    // builder.find_files_to_add: a folder element brings its files only into the formats the entry names (sdist when it
    // names none), filtered by the exclusions; a file element goes in as it is, a package's unless excluded.
    private void AddElements(Dictionary<string, Chosen> chosen, List<string> elements, string format, IReadOnlyList<string> folderFormats,
        string sourceRoot, bool checkExcluded, Func<string, bool> isExcluded, string reason)
    {
        foreach (var element in elements)
        {
            if (element.Contains("__pycache__", StringComparison.Ordinal))
            {
                continue;
            }

            if (_folders.Contains(element))
            {
                if (!folderFormats.Contains(format))
                {
                    continue;
                }

                foreach (var file in Below(element).Where(p => !_folders.Contains(p)))
                {
                    if (!file.Contains("__pycache__", StringComparison.Ordinal) && !isExcluded(Strip(file, sourceRoot)))
                    {
                        chosen.TryAdd(file, new Chosen(Strip(file, sourceRoot), reason));
                    }
                }

                continue;
            }

            if ((checkExcluded && isExcluded(element)) || element.EndsWith(".pyc", StringComparison.Ordinal))
            {
                continue;
            }

            chosen.TryAdd(element, new Chosen(Strip(element, sourceRoot), reason));
        }
    }

    /// <summary>VCS-ignored files (git's own rules, only inside a git work tree) and exclude matches, minus include matches.</summary>
    private HashSet<string> Exclusions(string format, bool inGit)
    {
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (inGit)
        {
            foreach (var file in _files.Where(static f => f.Ignore.IsIgnored))
            {
                excluded.Add(file.RelativePath);
            }
        }

        foreach (var pattern in _poetry.Exclude)
        {
            excluded.UnionWith(Glob("", pattern));
        }

        foreach (var include in _poetry.Include)
        {
            if (include.Formats.Count == 0 || include.Formats.Contains(format))
            {
                excluded.ExceptWith(Glob("", include.Path));
            }
        }

        return excluded;
    }

    /// <summary>Files and folders matching the pathlib glob <paramref name="pattern"/> under <paramref name="baseFolder"/>, sorted.</summary>
    private List<string> Glob(string baseFolder, string pattern)
    {
        var glob = new PoetryGlob(baseFolder + pattern);
        return _folders.Where(f => glob.Matches(f, isFolder: true))
            .Concat(_files.Select(static f => f.RelativePath).Where(p => glob.Matches(p, isFolder: false)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private List<string> Below(string folder)
    {
        var prefix = folder + "/";
        return _folders.Where(f => f.StartsWith(prefix, StringComparison.Ordinal))
            .Concat(_files.Select(static f => f.RelativePath).Where(p => p.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Strip(string path, string sourceRoot)
        => sourceRoot.Length > 0 && path.StartsWith(sourceRoot, StringComparison.Ordinal) ? path[sourceRoot.Length..] : path;

    private static List<PackageRoot> Roots(IEnumerable<Chosen> wheel)
    {
        var roots = new SortedDictionary<string, PackageRoot>(StringComparer.Ordinal);
        foreach (var item in wheel)
        {
            var slash = item.ArchivePath.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                roots.TryAdd(item.ArchivePath[..slash], new PackageRoot(item.ArchivePath[..slash], item.ArchivePath[..slash], IsModule: false));
            }
            else if (item.ArchivePath.EndsWith(".py", StringComparison.Ordinal))
            {
                roots.TryAdd(item.ArchivePath, new PackageRoot(item.ArchivePath, item.ArchivePath, IsModule: true));
            }
        }

        return [.. roots.Values];
    }

    private sealed record Chosen(string ArchivePath, string Reason);
}
