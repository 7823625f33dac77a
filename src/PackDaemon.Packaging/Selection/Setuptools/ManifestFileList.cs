using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// setuptools' sdist file list (egg_info's FileList): paths in, each with the rule that put it there, in the order
/// setuptools adds and removes them; MANIFEST.in's commands applied with setuptools' own pattern semantics.
/// </summary>
internal sealed class ManifestFileList
{
    private readonly SetuptoolsTree _tree;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public ManifestFileList(SetuptoolsTree tree) => _tree = tree;

    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>Adds a file when it exists (setuptools copies only files it finds).</summary>
    public void Add(string path, string reason)
    {
        if (_tree.FileSet.Contains(path))
        {
            _files.TryAdd(path, reason);
        }
    }

    public void Apply(ManifestCommand command, DiagnosticBag diagnostics)
    {
        string where = $"MANIFEST.in line {command.Line}: {command.Text}";
        foreach (string pattern in command.Patterns)
        {
            bool matched = command.Action switch
            {
                "include" => Include(file => SetuptoolsGlob.GlobMatches(pattern, file, recursive: false, includeHidden: true), where),
                "recursive-include" => Include(
                    file => SetuptoolsGlob.GlobMatches($"{command.Folder}/**/{pattern}", file, recursive: true, includeHidden: true), where),
                "global-include" => Include(SetuptoolsGlob.ManifestPattern("**/" + pattern).IsMatch, where),
                "graft" => Include(file => SetuptoolsGlob.GlobMatchingFolder(pattern, file, includeHidden: true) is not null, where),
                "exclude" => Remove(SetuptoolsGlob.ManifestPattern(pattern).IsMatch),
                "recursive-exclude" => Remove(SetuptoolsGlob.ManifestPattern($"{command.Folder}/**/{pattern}").IsMatch),
                "global-exclude" => Remove(SetuptoolsGlob.ManifestPattern("**/" + pattern).IsMatch),
                _ => Remove(SetuptoolsGlob.ManifestPattern(pattern + "/**").IsMatch), // prune
            };

            // Only a command that adds nothing is worth a word: an exclude of files that are not there is routine.
            if (!matched && !command.Action.Contains("exclude", StringComparison.Ordinal) && command.Action != "prune")
            {
                diagnostics.Warning(DiagnosticCodes.ManifestNoMatch,
                    $"MANIFEST.in, line {command.Line}: '{command.Text}' matches no file for '{pattern}' (setuptools warns the same and goes on).",
                    ManifestTemplate.FileName,
                    command.Line,
                    1,
                    fix: "Correct the pattern or remove the line; run 'packd explain <file>' to see why a file is in or out.");
            }
        }
    }

    /// <summary>Removes what <paramref name="matches"/> names, as setuptools' prune_file_list does after the template.</summary>
    public bool Remove(Func<string, bool> matches)
    {
        var doomed = _files.Keys.Where(matches).ToList();
        foreach (var path in doomed)
        {
            _files.Remove(path);
        }

        return doomed.Count > 0;
    }

    private bool Include(Func<string, bool> matches, string reason)
    {
        bool any = false;
        foreach (var file in _tree.Files)
        {
            if (matches(file))
            {
                any = true;
                _files.TryAdd(file, reason);
            }
        }

        return any;
    }
}
