using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection.Hatch;

namespace PackDaemon.Packaging.Selection;

public static partial class FileSelector
{
    // Files hatchling's sdist always carries when they exist (SdistBuilder.get_default_build_data).
    private static readonly string[] s_hatchSdistConfigFiles = ["pyproject.toml", "hatch.toml", "hatch_build.py"];

    /// <summary>
    /// hatchling 1.12's selection. The walk still refuses what packd never packages (VCS and cache folders, virtual
    /// environments, links leaving the project), but every other folder is entered: hatchling's artifacts and
    /// negated patterns can take files from folders .gitignore excludes, and nested .gitignore files do not count.
    /// </summary>
    internal static SelectionRun EvaluateHatch(SelectionOptions options, HatchBuildOptions hatch, DiagnosticBag diagnostics)
    {
        var walker = TreeWalker.Walk(options.ProjectRoot, [string.Empty], diagnostics);
        var allPaths = new HashSet<string>(walker.Files.Select(static f => f.RelativePath), StringComparer.Ordinal);
        var files = walker.Files.Where(static f => f.ExcludedReason is null).ToList();
        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var present = new HashSet<string>(files.Select(static f => f.RelativePath), StringComparer.Ordinal);
        var topLevelFolders = files
            .Where(static f => f.RelativePath.Contains('/', StringComparison.Ordinal) && f.RelativePath[0] != '.')
            .Select(static f => f.RelativePath[..f.RelativePath.IndexOf('/', StringComparison.Ordinal)])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var (vcsPatterns, gitIgnoreInProject) = HatchGitIgnore.Locate(options.ProjectRoot, diagnostics);
        string[] names = [.. new[] { HatchTargetPlan.FileNameComponent(hatch.RawName), options.ImportName }.Distinct(StringComparer.Ordinal)];

        var sdistForced = s_hatchSdistConfigFiles
            .Concat(gitIgnoreInProject ? [".gitignore"] : [])
            .Concat(options.ReadmeAndLicenseFiles)
            .Select(static path => new HatchPathMapping(path, path))
            .ToList();
        var wheelPlan = HatchTargetPlan.Resolve("wheel", hatch.Wheel, names, present.Contains, topLevelFolders, vcsPatterns, []);
        var sdistPlan = HatchTargetPlan.Resolve("sdist", hatch.Sdist, names, present.Contains, topLevelFolders, vcsPatterns, sdistForced);
        ReportMissingHatchPaths(hatch.Wheel, "wheel", present, diagnostics);
        ReportMissingHatchPaths(hatch.Sdist, "sdist", present, diagnostics);

        // The two targets are independent (each plan keeps its own pattern caches; the file lists are only read), so the
        // sdist's pass runs beside the wheel's: on a 20,000-file tree each is a sizeable share of the selection.
        var sdistTask = Task.Run(() => new HatchTargetSelector(sdistPlan, files, allPaths).Select());
        var (wheelIn, wheelOut) = new HatchTargetSelector(wheelPlan, files, allPaths).Select();
        var (sdistIn, sdistOut) = sdistTask.GetAwaiter().GetResult();
        ReportEmptyWheel(wheelPlan, wheelIn, wheelOut, present, diagnostics);
        var wheelByFile = wheelIn.ToLookup(static s => s.File.RelativePath, StringComparer.Ordinal);
        var sdistByFile = sdistIn.ToLookup(static s => s.File.RelativePath, StringComparer.Ordinal);

        var verdicts = new List<FileVerdict>(walker.Files.Count);
        foreach (var file in walker.Files)
        {
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            var toWheel = wheelByFile[file.RelativePath].ToList();
            var toSdist = sdistByFile[file.RelativePath].ToList();
            string wheelOutReason = wheelOut.GetValueOrDefault(file.RelativePath, "not selected for the wheel");
            string sdistOutReason = sdistOut.GetValueOrDefault(file.RelativePath, "not selected for the sdist");

            // One verdict per artifact path: force-include can put one file in several places.
            int count = Math.Max(1, Math.Max(toWheel.Count, toSdist.Count));
            for (int i = 0; i < count; i++)
            {
                var wheel = i < toWheel.Count ? toWheel[i] : null;
                var sdist = i < toSdist.Count ? toSdist[i] : null;
                verdicts.Add(new FileVerdict(
                    file,
                    wheel is not null,
                    wheel is null ? wheelOutReason : $"included (hatchling rules): {wheel.Reason}",
                    wheel?.DistributionPath,
                    sdist is not null,
                    sdist is null ? sdistOutReason : $"included (hatchling rules): {sdist.Reason}",
                    sdist?.DistributionPath));
            }
        }

        return new SelectionRun(verdicts, walker.Pruned, TopLevelEntries(wheelIn), DiscoveryFailed: false);
    }

    // hatchling builds a wheel with no files when every file of its packages is excluded (typically a .gitignore line
    // naming the package folder). That wheel installs nothing, so packd stops with the rule to change instead.
    private static void ReportEmptyWheel(HatchTargetPlan plan, List<HatchTargetSelector.Selected> wheel, Dictionary<string, string> outReasons,
        HashSet<string> present, DiagnosticBag diagnostics)
    {
        if (wheel.Count > 0 || plan.OnlyInclude.Count == 0)
        {
            return;
        }

        string root = plan.OnlyInclude[0];
        string? hidden = present.Contains(root + "/__init__.py") ? root + "/__init__.py"
            : present.Contains(root) ? root
            : present.Where(p => p.StartsWith(root + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        string roots = string.Join(", ", plan.OnlyInclude);
        diagnostics.Error(DiagnosticCodes.NoPackageFound,
            hidden is null
                ? $"The wheel would hold no files: {roots} has no files."
                : $"The wheel would hold no files: {hidden} exists but is excluded from the build ({outReasons.GetValueOrDefault(hidden, "excluded")}).",
            "pyproject.toml",
            fix: hidden is null
                ? "Create the package, or correct packages/only-include in [tool.hatch.build.targets.wheel]."
                : $"Run 'packd explain {hidden}' to see which rule excludes it, then change that .gitignore line or exclude pattern.");
    }

    private static List<PackageRoot> TopLevelEntries(List<HatchTargetSelector.Selected> wheel)
    {
        var roots = new SortedDictionary<string, PackageRoot>(StringComparer.Ordinal);
        foreach (var item in wheel)
        {
            string path = item.DistributionPath;
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                roots.TryAdd(path[..slash], new PackageRoot(path[..slash], path[..slash], IsModule: false));
            }
            else if (path.EndsWith(".py", StringComparison.Ordinal))
            {
                roots.TryAdd(path, new PackageRoot(path, path, IsModule: true));
            }
        }

        return [.. roots.Values];
    }

    // hatchling skips a missing path without a word, and the artifact then silently lacks it: say so.
    private static void ReportMissingHatchPaths(HatchTargetOptions target, string name, HashSet<string> present, DiagnosticBag diagnostics)
    {
        foreach (var (path, setting) in target.ForceInclude.Select(static m => (m.Source, "force-include"))
            .Concat((target.OnlyInclude ?? []).Select(static p => (p, "only-include"))))
        {
            string prefix = path + "/";
            if (!present.Contains(path) && !present.Any(p => p.StartsWith(prefix, StringComparison.Ordinal)))
            {
                diagnostics.Warning(DiagnosticCodes.HatchPathMissing,
                    $"The {name}'s {setting} path '{path}' names no file or folder with files in the project; hatchling skips it, so the {name} will not have it.",
                    "pyproject.toml",
                    fix: $"Correct the path in [tool.hatch.build.targets.{name}] {setting}, or create it before building.");
            }
        }
    }
}
