using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Pdm;

/// <summary>
/// pdm-backend's file selection (pdm/backend/base.py <c>Builder._get_include_and_exclude</c> and <c>_collect_files</c>,
/// wheel.py <c>WheelBuilder._collect_files</c> and <c>_get_wheel_data</c>, sdist.py <c>SdistBuilder.get_files</c>):
/// <list type="bullet">
/// <item>includes: <c>includes</c>, or by default every top-level package of <c>package-dir</c> (a folder with an
/// <c>__init__.py</c>), or when there is none its top-level <c>*.py</c> files; plus <c>source-includes</c>
/// (default <c>tests</c>);</item>
/// <item>excludes: <c>.pdm-build</c>, <c>excludes</c>, and for the wheel the source-includes too;</item>
/// <item>an included file is taken as is; an included folder gives every file below it but <c>*.pyc</c> and those an
/// excluded path covers;</item>
/// <item>the wheel strips the <c>package-dir/</c> prefix and adds the wheel-data files under <c>.data/&lt;scheme&gt;/</c>;
/// the sdist adds pyproject.toml, the readme and the license files.</item>
/// </list>
/// pdm-backend reads no .gitignore, so none applies here.
/// </summary>
internal static class PdmSelector
{
    private const string Backend = "pdm-backend";
    private static readonly string[] s_defaultSourceIncludes = ["tests"];

    public static SelectionRun Evaluate(SelectionOptions options, PdmBuildOptions pdm, DiagnosticBag diagnostics)
    {
        var walker = TreeWalker.Walk(options.ProjectRoot, [string.Empty], diagnostics);
        var files = walker.Files.Where(static f => f.ExcludedReason is null).Select(static f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var folders = FoldersOf(files);
        var verdicts = new BackendVerdicts(Backend);

        var sourceIncludes = pdm.SourceIncludes.Count > 0 ? pdm.SourceIncludes : s_defaultSourceIncludes;
        var includes = pdm.Includes.Count > 0 ? pdm.Includes : DefaultIncludes(pdm.PackageDir, files, folders);
        ReportUnmatched(pdm.Includes, "includes", files, folders, diagnostics);
        ReportUnmatched(pdm.SourceIncludes, "source-includes", files, folders, diagnostics);

        string[] sharedExcludes = [".pdm-build", .. pdm.Excludes];
        var wheelPatterns = PdmPatternSet.Resolve(includes.Concat(sourceIncludes), sharedExcludes.Concat(sourceIncludes), files, folders);
        var sdistPatterns = PdmPatternSet.Resolve(includes.Concat(sourceIncludes), sharedExcludes, files, folders);

        string prefix = pdm.PackageDir.Length == 0 ? string.Empty : pdm.PackageDir + "/";
        foreach (var (path, reason) in Collect(wheelPatterns, files, verdicts.LeaveOutOfWheel))
        {
            string archivePath = prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;
            verdicts.AddToWheel(path, archivePath, prefix.Length > 0 && archivePath.Length != path.Length ? $"{reason}; package-dir `{pdm.PackageDir}` stripped" : reason);
        }

        foreach (var (path, reason) in Collect(sdistPatterns, files, verdicts.LeaveOutOfSdist))
        {
            verdicts.AddToSdist(path, path, reason);
        }

        foreach (string path in options.ReadmeAndLicenseFiles.Prepend("pyproject.toml"))
        {
            if (files.Contains(path))
            {
                verdicts.AddToSdist(path, path, path == "pyproject.toml" ? "pyproject.toml is always in the sdist" : "the readme and license files are always in the sdist");
            }
        }

        AddWheelData(pdm, files, verdicts, diagnostics);
        ReportEmptyWheel(files, verdicts, includes, diagnostics);
        return verdicts.Build(walker);
    }

    /// <summary><c>_find_top_packages</c>: folders right below package-dir holding an <c>__init__.py</c>; without any, package-dir's <c>*.py</c>.</summary>
    internal static IReadOnlyList<string> DefaultIncludes(string packageDir, IReadOnlySet<string> files, IReadOnlyCollection<string> folders)
    {
        string prefix = packageDir.Length == 0 ? string.Empty : packageDir + "/";
        var packages = folders
            .Where(folder => folder.StartsWith(prefix, StringComparison.Ordinal) && !folder.AsSpan(prefix.Length).Contains('/'))
            .Where(folder => Path.GetFileName(folder) is not ("__pycache__" or "__pypackages__") && files.Contains(folder + "/__init__.py"))
            .Order(StringComparer.Ordinal)
            .ToList();
        return packages.Count > 0 ? packages : [prefix + "*.py"];
    }

    private static IEnumerable<(string Path, string Reason)> Collect(PdmPatternSet patterns, HashSet<string> files, Action<string, string> leaveOut)
    {
        foreach (var (included, pattern) in patterns.Included.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (files.Contains(included))
            {
                // An included file skips the exclude check: only an exclude naming this very path (merged away above) counts.
                yield return (included, $"matched by `{pattern}`");
                continue;
            }

            string below = included + "/";
            foreach (string file in files.Where(f => f.StartsWith(below, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".pyc", StringComparison.Ordinal))
                {
                    leaveOut(file, $"{Backend} never packages *.pyc files");
                }
                else if (patterns.ExcludingPattern(file) is { } exclude)
                {
                    leaveOut(file, $"excluded by `{exclude}` ({Backend}'s excludes; the wheel also excludes the sdist-only source-includes)");
                }
                else
                {
                    yield return (file, $"in `{included}`, matched by `{pattern}`");
                }
            }
        }
    }

    private static void AddWheelData(PdmBuildOptions pdm, HashSet<string> files, BackendVerdicts verdicts, DiagnosticBag diagnostics)
    {
        foreach (var item in pdm.WheelData)
        {
            var glob = SegmentGlob.PathLib(item.Pattern);
            var matches = files.Where(glob.IsMatch).Order(StringComparer.Ordinal).ToList();
            if (matches.Count == 0)
            {
                diagnostics.Warning(DiagnosticCodes.PdmPatternMatchesNothing,
                    $"The wheel-data pattern `{item.Pattern}` ({item.Scheme}) matches no file; pdm-backend skips it, so the wheel will not have it.",
                    "pyproject.toml",
                    fix: $"Correct the path in [tool.pdm.build.wheel-data] {item.Scheme}, or create the files before building.");
            }

            foreach (string file in matches)
            {
                string? relative = item.RelativeTo is null ? file[(file.LastIndexOf('/') + 1)..]
                    : item.RelativeTo.Length == 0 ? file
                    : file.StartsWith(item.RelativeTo + "/", StringComparison.Ordinal) ? file[(item.RelativeTo.Length + 1)..]
                    : null;
                if (relative is null)
                {
                    // pdm-backend's Path.relative_to raises here and the build fails: say which file and why.
                    diagnostics.Error(DiagnosticCodes.PdmBuildInvalid,
                        $"The wheel-data file `{file}` ({item.Scheme}, pattern `{item.Pattern}`) is not below its relative-to folder `{item.RelativeTo}`; pdm-backend fails on it.",
                        "pyproject.toml",
                        fix: "Make `relative-to` a folder that holds every file the pattern matches, or narrow the pattern.");
                    continue;
                }

                verdicts.AddToWheel(file, $"{pdm.DataFolder}/{item.Scheme}/{relative}",
                    $"wheel-data {item.Scheme}: matched by `{item.Pattern}`{(item.RelativeTo is null ? ", flattened to its file name" : $", relative to `{item.RelativeTo}`")}");
            }
        }
    }

    private static void ReportUnmatched(IReadOnlyList<string> patterns, string key, HashSet<string> files, HashSet<string> folders, DiagnosticBag diagnostics)
    {
        foreach (string pattern in patterns)
        {
            if (!PdmPatternSet.Matches(SegmentGlob.Python(pattern), files, folders).Any())
            {
                diagnostics.Warning(DiagnosticCodes.PdmPatternMatchesNothing,
                    $"The {key} pattern `{pattern}` matches nothing in the project; pdm-backend skips it silently.",
                    "pyproject.toml",
                    fix: $"Correct the pattern in [tool.pdm.build] {key} (paths are relative to pyproject.toml), or create the files before building.");
            }
        }
    }

    // pdm-backend builds a wheel holding nothing but .dist-info when no package and no module is found; that wheel
    // installs nothing, so packd stops with the layout pdm-backend expects instead.
    private static void ReportEmptyWheel(HashSet<string> files, BackendVerdicts verdicts, IReadOnlyList<string> includes, DiagnosticBag diagnostics)
    {
        if (files.Any(verdicts.InWheel))
        {
            return;
        }

        diagnostics.Error(DiagnosticCodes.NoPackageFound,
            $"The wheel would hold no files: pdm-backend's includes ({string.Join(", ", includes.Select(static i => $"`{i}`"))}) name no file that is not excluded.",
            "pyproject.toml",
            fix: "Create the package (a folder with __init__.py at the root or in src/), or list it in [tool.pdm.build] includes.");
    }

    private static HashSet<string> FoldersOf(IEnumerable<string> files)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            for (int slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
            {
                if (!folders.Add(file[..slash]))
                {
                    break;
                }
            }
        }

        return folders;
    }
}
