using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Walks the project tree once and decides each file's fate for the wheel and the sdist: always-excluded folders,
/// ignore files at every depth, config globs, package discovery, and the symlink boundary.
/// </summary>
public static partial class FileSelector
{
    public static FileSelection Select(SelectionOptions options, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var run = Evaluate(options, diagnostics);

        // Each entry depends on its verdict alone: two halves side by side, joined in order.
        var ((wheel, sdist), (wheelRest, sdistRest)) = InHalves.Run(run.Verdicts.Count, (start, end) => Entries(run.Verdicts, start, end, options));
        wheel.AddRange(wheelRest);
        sdist.AddRange(sdistRest);

        // The two lists are independent: each is sorted and checked beside the other (on a 20,000-file tree each
        // takes a sizeable share of the selection).
        var sdistDone = Task.Run(() => SortAndCheck(sdist, "sdist", diagnostics));
        SortAndCheck(wheel, "wheel", diagnostics);
        sdistDone.GetAwaiter().GetResult();

        var packages = new List<string>(run.Packages.Count);
        foreach (var package in run.Packages)
        {
            packages.Add(package.DisplayName);
        }

        return new FileSelection(wheel, sdist, packages);
    }

    private static (List<SelectedFile> Wheel, List<SelectedFile> Sdist) Entries(IReadOnlyList<FileVerdict> verdicts, int start, int end, SelectionOptions options)
    {
        var wheel = new List<SelectedFile>(end - start);
        var sdist = new List<SelectedFile>(end - start);
        for (int i = start; i < end; i++)
        {
            var verdict = verdicts[i];
            if (!verdict.InWheel && !verdict.InSdist)
            {
                continue;
            }

            var file = verdict.File;
            var source = new SourceFile(file.RelativePath, file.FullPath, file.Size, file.LastWriteUtc, file.IsExecutable) { Walked = file.Status };
            if (verdict.InWheel)
            {
                wheel.Add(new SelectedFile(verdict.WheelPath!, source, verdict.WheelReason) { Rewrite = options.Backend?.WheelRewrite(verdict.WheelPath!) ?? default });
            }

            if (verdict.InSdist)
            {
                sdist.Add(new SelectedFile(verdict.SdistPath ?? file.RelativePath, source, verdict.SdistReason));
            }
        }

        return (wheel, sdist);
    }

    public static FileExplanation Explain(SelectionOptions options, string relativePath) => Explain(options, relativePath, new DiagnosticBag());

    /// <param name="diagnostics">Receives what the selection reports (a package not found, a symlink leaving the root):
    /// an answer given while the build itself would fail must say so.</param>
    public static FileExplanation Explain(SelectionOptions options, string relativePath, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(diagnostics);

        string path = NormalizeQuery(relativePath);
        var run = Evaluate(options, diagnostics);
        foreach (var verdict in run.Verdicts)
        {
            if (string.Equals(verdict.File.RelativePath, path, StringComparison.Ordinal))
            {
                return new FileExplanation(path, verdict.InWheel, verdict.WheelReason, verdict.WheelPath, verdict.InSdist, verdict.SdistReason);
            }
        }

        foreach (var pruned in run.Pruned)
        {
            if (string.Equals(pruned.RelativePath, path, StringComparison.Ordinal)
                || (path.StartsWith(pruned.RelativePath, StringComparison.Ordinal) && path[pruned.RelativePath.Length] == '/'))
            {
                string reason = string.Equals(pruned.RelativePath, path, StringComparison.Ordinal)
                    ? pruned.Reason
                    : $"{pruned.Reason} (folder {pruned.RelativePath}/)";
                return new FileExplanation(path, false, reason, null, false, reason);
            }
        }

        if (Directory.Exists(Path.Join(options.ProjectRoot, path)))
        {
            const string Folder = "a folder: artifacts hold files, so explain one of the files inside it";
            return new FileExplanation(path, false, Folder, null, false, Folder);
        }

        const string Missing = "not found: no such file in the project tree";
        return new FileExplanation(path, false, Missing, null, false, Missing);
    }

    private static string NormalizeQuery(string relativePath)
    {
        string path = relativePath.Replace('\\', '/').Trim();
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        path = path.TrimEnd('/');
        return Nfc.Normalize(path);
    }

    private static void SortAndCheck(List<SelectedFile> files, string artifact, DiagnosticBag diagnostics)
    {
        files.Sort(static (a, b) => string.CompareOrdinal(a.ArchivePath, b.ArchivePath));
        ReportCaseCollisions(files, artifact, diagnostics);
    }

    private static void ReportCaseCollisions(List<SelectedFile> files, string artifact, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, string>(files.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!seen.TryAdd(file.ArchivePath, file.ArchivePath))
            {
                string first = seen[file.ArchivePath];
                if (string.Equals(first, file.ArchivePath, StringComparison.Ordinal))
                {
                    // Equal after NFC normalization: two spellings of one name on disk (e.g. composed and decomposed é).
                    diagnostics.Error(DiagnosticCodes.CaseCollision,
                        $"Two files in the tree are both named '{file.ArchivePath}' once their names are Unicode-normalized (NFC), as wheels and sdists require; one of them is '{file.Source.FullPath}'.",
                        file.Source.RelativePath,
                        fix: "Rename one of the two files on disk; an exclude glob cannot tell them apart.");
                    continue;
                }

                diagnostics.Error(DiagnosticCodes.CaseCollision,
                    $"The {artifact} paths '{first}' and '{file.ArchivePath}' differ only by case; installing on a case-insensitive file system (Windows, macOS) would overwrite one with the other.",
                    file.Source.RelativePath,
                    fix: "Rename one of the two files, or exclude one of them in [tool.packd] exclude.");
            }
        }
    }
}
