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
        // Sized up front: on a 20,000-file tree, growing these sets and lists was a visible share of the selection.
        var allPaths = new HashSet<string>(walker.Files.Count, StringComparer.Ordinal);
        var files = new List<WalkedFile>(walker.Files.Count);
        foreach (var file in walker.Files)
        {
            allPaths.Add(file.RelativePath);
            if (file.ExcludedReason is null)
            {
                files.Add(file);
            }
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        var present = new HashSet<string>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            present.Add(file.RelativePath);
        }

        // Files are in ordinal order, so all paths under one top-level folder ("a/...") form one run: one substring per
        // folder, not per file, and no folder twice.
        var topLevelFolders = new List<string>();
        foreach (var file in files)
        {
            string path = file.RelativePath;
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && path[0] != '.'
                && (topLevelFolders.Count == 0 || !path.AsSpan(0, slash).SequenceEqual(topLevelFolders[^1])))
            {
                topLevelFolders.Add(path[..slash]);
            }
        }

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
        var wheelByFile = new SelectedByFile(wheelIn);
        var sdistByFile = new SelectedByFile(sdistIn);
        // Each verdict depends on its file alone: the two halves of the list are decided side by side (on a 20,000-file
        // tree this pass was a single-threaded stretch of the selection) and joined in order.
        var (verdicts, secondHalf) = InHalves.Run(walker.Files.Count, (start, end) => HatchVerdicts(walker.Files, start, end, wheelByFile, sdistByFile, wheelOut, sdistOut));
        verdicts.AddRange(secondHalf);

        return new SelectionRun(verdicts, walker.Pruned, TopLevelEntries(wheelIn), DiscoveryFailed: false);
    }

    private static List<FileVerdict> HatchVerdicts(
        List<WalkedFile> files, int start, int end, SelectedByFile wheelByFile, SelectedByFile sdistByFile,
        Dictionary<string, string> wheelOut, Dictionary<string, string> sdistOut)
    {
        const string Included = "included (hatchling rules): ";
        var reasons = new ReasonTexts();
        var verdicts = new List<FileVerdict>(end - start);
        for (int f = start; f < end; f++)
        {
            var file = files[f];
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            var toWheel = wheelByFile.For(file.RelativePath);
            var toSdist = sdistByFile.For(file.RelativePath);
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
                    wheel is null ? wheelOutReason : reasons.Join(Included, wheel.Reason),
                    wheel?.DistributionPath,
                    sdist is not null,
                    sdist is null ? sdistOutReason : reasons.Join(Included, sdist.Reason),
                    sdist?.DistributionPath));
            }
        }

        return verdicts;
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
        // Looked up by span: a wheel of 20,000 files has a handful of roots, and a substring per file was waste.
        var roots = new Dictionary<string, PackageRoot>(StringComparer.Ordinal);
        var lookup = roots.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var item in wheel)
        {
            string path = item.DistributionPath;
            int slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0)
            {
                if (!lookup.ContainsKey(path.AsSpan(0, slash)))
                {
                    string root = path[..slash];
                    roots[root] = new PackageRoot(root, root, IsModule: false);
                }
            }
            else if (path.EndsWith(".py", StringComparison.Ordinal))
            {
                roots.TryAdd(path, new PackageRoot(path, path, IsModule: true));
            }
        }

        return [.. roots.OrderBy(static r => r.Key, StringComparer.Ordinal).Select(static r => r.Value)];
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
