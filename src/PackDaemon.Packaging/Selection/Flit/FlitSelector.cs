using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>
/// flit_core 3.8's file selection. The wheel: every file of the module (a package folder whole, data files included,
/// minus <c>__pycache__</c> and <c>*.pyc</c>), then the external data folder under <c>name-version.data/data/</c>. The
/// sdist: the same files at their project paths, pyproject.toml, the readme and license files, then
/// <c>[tool.flit.sdist]</c> exclude and include, matched with Python's glob rules. flit never reads .gitignore.
/// </summary>
internal sealed class FlitSelector(SelectionOptions options, FlitBuildOptions flit, DiagnosticBag diagnostics)
{
    private const string Rules = "flit_core rules";

    // flit_core adds these in front of the project's own excludes, but only when [tool.flit.sdist] exists.
    private static readonly string[] s_defaultSdistExcludes = ["**/__pycache__", "**.pyc"];

    private readonly Dictionary<string, List<(string Path, string Reason)>> _wheel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sdist = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sdistOut = new(StringComparer.Ordinal);

    public SelectionRun Run()
    {
        var walker = TreeWalker.Walk(options.ProjectRoot, [string.Empty], diagnostics);
        var files = walker.Files.Where(static f => f.ExcludedReason is null).Select(static f => f.RelativePath).ToList();
        files.Sort(StringComparer.Ordinal);

        var module = LocateModule();
        if (module is not null)
        {
            foreach (string path in ModuleFiles(module, files))
            {
                AddWheel(path, module.WheelPath(path), $"in the module {module.Path}{(module.IsPackage ? "/" : string.Empty)}");
                _sdist[path] = $"included ({Rules}): a file of the module {module.Name}";
            }
        }

        if (flit.ExternalData is { } data)
        {
            foreach (string path in DataFiles(data, files))
            {
                AddWheel(path, flit.DataPrefix + path[(data.Length + 1)..], $"[tool.flit.external-data] directory {data}/");
                _sdist[path] = $"included ({Rules}): [tool.flit.external-data] directory {data}/";
            }
        }

        string[] crucial = [.. options.ReadmeAndLicenseFiles.Prepend("pyproject.toml").Distinct(StringComparer.Ordinal)];
        foreach (string path in crucial)
        {
            _sdist[path] = $"included ({Rules}): the sdist always carries pyproject.toml, the readme and license files";
        }

        if (flit.HasSdistTable)
        {
            ApplySdistPatterns(files);
        }

        if (module is not null)
        {
            ReportCrucialExcluded([.. crucial, module.File]);
        }

        var verdicts = new List<FileVerdict>(walker.Files.Count);
        foreach (var file in walker.Files)
        {
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            string path = file.RelativePath;
            var toWheel = _wheel.GetValueOrDefault(path) ?? [];
            bool inSdist = _sdist.TryGetValue(path, out var sdistReason);
            sdistReason ??= _sdistOut.GetValueOrDefault(path)
                ?? "not selected for the sdist (flit_core's sdist holds the module, the external data, pyproject.toml, the readme, license files and [tool.flit.sdist] include)";
            string wheelOut = module is null
                ? "not selected for the wheel: flit_core's module was not found"
                : $"not selected for the wheel (flit_core packages only the module {module.Path}{(module.IsPackage ? "/" : string.Empty)}{(flit.ExternalData is null ? string.Empty : " and the external data")})";

            // One verdict per wheel path: a file of the external data folder inside the package goes in twice, as in flit.
            int count = Math.Max(1, toWheel.Count);
            for (int i = 0; i < count; i++)
            {
                var wheel = i < toWheel.Count ? toWheel[i] : default;
                bool sdistHere = inSdist && i == 0;
                verdicts.Add(new FileVerdict(
                    file,
                    wheel.Path is not null,
                    wheel.Path is null ? wheelOut : $"included ({Rules}): {wheel.Reason}",
                    wheel.Path,
                    sdistHere,
                    i == 0 || !inSdist ? sdistReason : "in the sdist once, at its project path"));
            }
        }

        var packages = module is null ? [] : new[] { new PackageRoot(module.Path, module.WheelPath(module.Path), !module.IsPackage) };
        return new SelectionRun(verdicts, walker.Pruned, packages, DiscoveryFailed: module is null);
    }

    private FlitModule? LocateModule()
    {
        var (module, found, candidates) = FlitModule.Locate(options.ProjectRoot, flit.ModuleName);
        if (module is not null)
        {
            return module;
        }

        if (found.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.FlitModuleNotFound,
                $"flit_core packages the module `{flit.ModuleName}`, but none of {string.Join(", ", candidates)} exists.",
                "pyproject.toml",
                fix: $"Create the package folder or module file, or name the module to package in [tool.flit.module] name = \"...\" (it is the project name with - as _ by default).");
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.FlitModuleAmbiguous,
                $"Several files or folders could be flit_core's module `{flit.ModuleName}`: {string.Join(", ", found)}; flit refuses to guess.",
                "pyproject.toml",
                fix: "Remove or rename all but one of them (flit looks at name/, name.py, src/name/ and src/name.py).");
        }

        return null;
    }

    // flit walks the package with os.walk and skips names that are __pycache__ or end in .pyc, folders included.
    private static IEnumerable<string> ModuleFiles(FlitModule module, List<string> files)
    {
        if (!module.IsPackage)
        {
            return files.Where(p => p == module.Path);
        }

        string prefix = module.Path + "/";
        return files.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)
            && !p[prefix.Length..].Split('/').Any(static part => part == "__pycache__" || part.EndsWith(".pyc", StringComparison.Ordinal)));
    }

    // flit's external data walk skips __pycache__ folders only (a .pyc file in the data folder goes in).
    private static IEnumerable<string> DataFiles(string folder, List<string> files)
    {
        string prefix = folder + "/";
        return files.Where(p => p.StartsWith(prefix, StringComparison.Ordinal) && !p[prefix.Length..].Split('/').SkipLast(1).Contains("__pycache__"));
    }

    private void AddWheel(string path, string wheelPath, string reason)
    {
        if (!_wheel.TryGetValue(path, out var list))
        {
            list = [];
            _wheel[path] = list;
        }

        list.Add((wheelPath, reason));
    }

    // sdist.SdistBuilder.apply_includes_excludes: excludes remove selected files, then included files and every file of an
    // included folder come in unless an exclude matches them (a file, or a folder holding it).
    private void ApplySdistPatterns(List<string> files)
    {
        var glob = new FlitGlob(files);
        var excludes = s_defaultSdistExcludes.Concat(flit.SdistExclude).Select(p => (Pattern: p, Match: glob.Match(p))).ToList();
        string? ExcludedBy(string path)
        {
            foreach (var (pattern, (matchedFiles, folders)) in excludes)
            {
                if (matchedFiles.Contains(path) || folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal)))
                {
                    return pattern;
                }
            }

            return null;
        }

        foreach (string path in _sdist.Keys.ToList())
        {
            if (ExcludedBy(path) is { } pattern)
            {
                _sdist.Remove(path);
                _sdistOut[path] = $"excluded ({Rules}): [tool.flit.sdist] exclude '{pattern}'";
            }
        }

        foreach (string pattern in flit.SdistInclude)
        {
            var (matchedFiles, folders) = glob.Match(pattern);
            foreach (string path in files)
            {
                bool matched = matchedFiles.Contains(path) || folders.Any(f => f == "." || path.StartsWith(f + "/", StringComparison.Ordinal));
                if (!matched || _sdist.ContainsKey(path))
                {
                    continue;
                }

                if (ExcludedBy(path) is { } excludedBy)
                {
                    _sdistOut[path] = $"excluded ({Rules}): [tool.flit.sdist] exclude '{excludedBy}' wins over include '{pattern}'";
                    continue;
                }

                _sdist[path] = $"included ({Rules}): [tool.flit.sdist] include '{pattern}'";
            }
        }
    }

    private void ReportCrucialExcluded(string[] crucial)
    {
        foreach (string path in crucial)
        {
            if (!_sdist.ContainsKey(path) && _sdistOut.TryGetValue(path, out var reason))
            {
                diagnostics.Error(DiagnosticCodes.FlitCrucialFileExcluded,
                    $"The sdist must carry {path}, but it is {reason}; flit_core stops with \"Crucial files were excluded from the sdist\".",
                    "pyproject.toml",
                    fix: $"Narrow the exclude pattern in [tool.flit.sdist] so that it does not match {path}.");
            }
        }
    }
}
