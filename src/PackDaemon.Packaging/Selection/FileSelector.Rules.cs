using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

public static partial class FileSelector
{
    private const string NotIgnored = "not ignored";

    /// <summary>The one implementation of the rules, shared by Select and Explain.</summary>
    internal static SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
    {
        if (options.Backend is { } backend)
        {
            return backend.Evaluate(options, diagnostics);
        }

        var includes = GlobSet.Create(options.Include, "include", diagnostics);
        var excludes = GlobSet.Create(options.Exclude, "exclude", diagnostics);
        var walker = TreeWalker.Walk(options.ProjectRoot, includes.LiteralPrefixes, diagnostics);
        var files = walker.Files;

        var candidates = new List<string>(files.Count);
        foreach (var file in files)
        {
            if (file.ExcludedReason is null)
            {
                candidates.Add(file.RelativePath);
            }
        }

        var excludedBy = excludes.MatchAll(candidates);
        var includedBy = includes.IsEmpty ? [] : includes.MatchAll(candidates);

        // The tree's verdict, common to both artifacts: null reason = in.
        var common = new (bool In, string Reason)[files.Count];
        var kept = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < files.Count; i++)
        {
            common[i] = TreeVerdict(files[i], excludedBy, includedBy);
            if (common[i].In)
            {
                kept.Add(files[i].RelativePath);
            }
        }

        var packages = PackageDiscovery.Discover(options, kept, diagnostics);
        bool discoveryFailed = packages.Count == 0;
        string packageList = string.Join(", ", packages.Select(static p => p.DisplayName));
        var required = RequiredFiles(options);

        var verdicts = new List<FileVerdict>(files.Count);
        for (int i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var (isIn, reason) = common[i];
            string? wheelPath = null;
            string wheelReason;
            if (!isIn)
            {
                wheelReason = reason;
            }
            else if (discoveryFailed)
            {
                wheelReason = $"no package found for the wheel (see {DiagnosticCodes.NoPackageFound})";
            }
            else
            {
                wheelPath = MapToWheel(packages, file.RelativePath, out var package);
                wheelReason = package is null
                    ? $"outside any package (packages: {packageList})"
                    : reason == NotIgnored
                        ? $"included: inside package {package.DisplayName}"
                        : $"included: inside package {package.DisplayName}; {reason}";
            }

            bool inSdist = isIn;
            string sdistReason = isIn && reason == NotIgnored ? "included: not ignored by any rule" : reason;
            if (required.Remove(file.RelativePath) && file.ExcludedReason is null)
            {
                inSdist = true;
                sdistReason = isIn ? sdistReason : $"required in the sdist, although {reason}";
            }

            verdicts.Add(new FileVerdict(file, wheelPath is not null, wheelReason, wheelPath, inSdist, sdistReason));
        }

        AddMissingRequiredFiles(options, required, walker.Pruned, verdicts, diagnostics);
        return new SelectionRun(verdicts, walker.Pruned, packages, discoveryFailed);
    }

    private static (bool In, string Reason) TreeVerdict(WalkedFile file, Dictionary<string, string> excludedBy, Dictionary<string, string> includedBy)
    {
        if (file.ExcludedReason is { } excluded)
        {
            return (false, excluded);
        }

        if (excludedBy.TryGetValue(file.RelativePath, out string? exclude))
        {
            return (false, $"excluded by [tool.packd] exclude '{exclude}'");
        }

        if (includedBy.TryGetValue(file.RelativePath, out string? include))
        {
            return (true, file.Ignore.IsIgnored
                ? $"included by [tool.packd] include '{include}', although {file.Ignore.Describe()}"
                : $"included by [tool.packd] include '{include}'");
        }

        return file.Ignore.IsIgnored ? (false, file.Ignore.Describe()) : (true, file.Ignore.IsReIncluded ? file.Ignore.Describe() : NotIgnored);
    }

    private static string? MapToWheel(IReadOnlyList<PackageRoot> packages, string relativePath, out PackageRoot? package)
    {
        foreach (var candidate in packages)
        {
            if (candidate.MapToWheel(relativePath) is { } wheelPath)
            {
                package = candidate;
                return wheelPath;
            }
        }

        package = null;
        return null;
    }

    private static HashSet<string> RequiredFiles(SelectionOptions options)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in options.SdistRequiredFiles)
        {
            string path = raw.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            required.Add(Nfc.Normalize(path));
        }

        return required;
    }

    // Required files the walk did not meet: they sit in a folder it skipped, or do not exist.
    private static void AddMissingRequiredFiles(SelectionOptions options, HashSet<string> required, List<PrunedFolder> pruned,
        List<FileVerdict> verdicts, DiagnosticBag diagnostics)
    {
        foreach (string path in required.Order(StringComparer.Ordinal))
        {
            string full = Path.Join(options.ProjectRoot, path);
            var info = new FileInfo(full);
            string? realTarget = info.Exists ? PathReal.Resolve(full) : null;
            string? realRoot = PathReal.Resolve(options.ProjectRoot);
            if (path.Contains("..", StringComparison.Ordinal) || realTarget is null || realRoot is null || !PathReal.IsUnder(realTarget, realRoot))
            {
                diagnostics.Error(DiagnosticCodes.SdistRequiredFileMissing,
                    $"The file '{path}', which the sdist must carry, does not exist in the project.",
                    "pyproject.toml",
                    fix: $"Create '{path}', or correct the setting in pyproject.toml that names it.");
                continue;
            }

            string because = "a skipped folder";
            foreach (var folder in pruned)
            {
                if (path.StartsWith(folder.RelativePath + "/", StringComparison.Ordinal))
                {
                    because = folder.Reason;
                    break;
                }
            }

            var target = new FileInfo(realTarget);
            var walked = new WalkedFile(path, full, target.Length, target.LastWriteTimeUtc,
                !OperatingSystem.IsWindows() && (target.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0,
                default, null);
            string reason = $"required in the sdist, although {because}";
            verdicts.Add(new FileVerdict(walked, false, $"outside any package: {because}", null, true, reason));
        }
    }
}
