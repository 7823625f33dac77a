using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Requirements;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    private const string SetuptoolsDynamicPath = "tool.setuptools.dynamic";
    private const string HatchRequirementsPath = "tool.hatch.metadata.hooks.requirements_txt";

    private (string[] RequiresDist, MetadataExtra[] Extras) ReadDependencies()
    {
        var requiresDist = new List<string>();
        var extras = new List<(string Name, List<string> Requirements)>();
        var extraIndex = new Dictionary<string, (int Index, string Raw, bool Static)>(StringComparer.Ordinal);

        var staticDeps = _context.GetStringList(_project, "dependencies", ProjectPath);
        foreach (var (text, path) in staticDeps ?? [])
        {
            if (ParseRequirement(text, path) is { } requirement)
            {
                requiresDist.Add(RequiresDist(requirement));
            }
        }

        var optional = _context.GetTable(_project, "optional-dependencies", ProjectPath);
        if (optional is not null)
        {
            var tablePath = Child("optional-dependencies");
            foreach (var (rawExtra, value) in optional)
            {
                var extraPath = TomlLocationIndex.Child(tablePath, rawExtra);
                var extra = AddExtra(rawExtra, extraPath, isStatic: true, extras, extraIndex);
                var items = _context.AsStringList(value, extraPath);
                if (extra is null || items is null)
                {
                    continue;
                }

                foreach (var (text, path) in items)
                {
                    if (ParseRequirement(text, path) is { } requirement)
                    {
                        extras[extra.Value].Requirements.Add(RequiresDist(requirement.WithExtra(extras[extra.Value].Name)));
                    }
                }
            }
        }

        if (_dynamic.Contains("dependencies"))
        {
            ReadDynamicDependencies(requiresDist);
        }

        if (_dynamic.Contains("optional-dependencies"))
        {
            ReadDynamicOptionalDependencies(extras, extraIndex);
        }

        var result = new MetadataExtra[extras.Count];
        for (var i = 0; i < extras.Count; i++)
        {
            result[i] = new MetadataExtra(extras[i].Name, extras[i].Requirements.ToArray());
        }

        return (requiresDist.ToArray(), result);
    }

    private int? AddExtra(
        string rawExtra,
        string path,
        bool isStatic,
        List<(string Name, List<string> Requirements)> extras,
        Dictionary<string, (int Index, string Raw, bool Static)> extraIndex)
    {
        if (!ExtraName.IsValid(rawExtra))
        {
            _context.Error(
                DiagnosticCodes.ExtraInvalid,
                $"`{rawExtra}` is not a valid extra name.",
                path,
                "Use letters, digits and single `-`, `_` or `.` between them, e.g. `postgres` or `dev-tools`.");
            return null;
        }

        var normalized = ExtraName.Normalize(rawExtra);
        if (extraIndex.TryGetValue(normalized, out var existing))
        {
            // PEP 685: two spellings of one extra would merge silently on install; a static extra that a requirements
            // file extends is the one legitimate repeat (PEP 808 append-only).
            if (existing.Static == isStatic)
            {
                _context.Error(
                    DiagnosticCodes.ExtraInvalid,
                    $"The extra `{rawExtra}` collides with `{existing.Raw}`: both normalize to `{normalized}` (PEP 685).",
                    path,
                    $"Merge the two into one extra named `{normalized}`.");
                return null;
            }

            return existing.Index;
        }

        extras.Add((normalized, []));
        extraIndex[normalized] = (extras.Count - 1, rawExtra, isStatic);
        return extras.Count - 1;
    }

    /// <summary>A <c>Requires-Dist</c> value spelled as the declared backend spells it: hatchling normalizes names.</summary>
    private string RequiresDist(Requirement requirement)
        => (DeclaredBackend() == HatchBackend ? requirement.WithNormalizedNames() : requirement).ToMetadataString();

    private Requirement? ParseRequirement(string text, string path)
    {
        if (!_context.CheckSingleLine(text, path, "A dependency"))
        {
            return null;
        }

        if (Requirement.TryParse(text, out var requirement, out var error, out var column))
        {
            return requirement;
        }

        _context.Error(
            DiagnosticCodes.DependencyInvalid,
            $"`{text}` is not a valid dependency specifier: {error}.",
            path,
            "Write a PEP 508 requirement such as \"flask>=3.0\", \"psycopg[binary]>=3.2\" or \"uvloop; sys_platform != 'win32'\".",
            column);
        return null;
    }

    private void ReadDynamicDependencies(List<string> requiresDist)
    {
        var found = false;
        var setuptools = TableAt(SetuptoolsDynamicPath);
        if (setuptools is not null && setuptools.TryGetValue("dependencies", out var setuptoolsDeps))
        {
            found = true;
            var path = TomlLocationIndex.Child(SetuptoolsDynamicPath, "dependencies");
            foreach (var line in ReadSetuptoolsFileDirective(setuptoolsDeps, path))
            {
                requiresDist.Add(RequiresDist(line.Requirement));
            }
        }

        var hatch = TableAt(HatchRequirementsPath);
        if (hatch is not null && hatch.TryGetValue("files", out var hatchFiles))
        {
            found = true;
            var path = TomlLocationIndex.Child(HatchRequirementsPath, "files");
            foreach (var line in ReadRequirementsFiles(hatchFiles, path))
            {
                requiresDist.Add(RequiresDist(line.Requirement));
            }
        }

        if (!found)
        {
            _context.Error(
                DiagnosticCodes.DynamicUnsupported,
                "`dependencies` is listed in `dynamic`, but no requirements file is configured, and packd does not run backend plugins.",
                DynamicItemPath("dependencies"),
                "List the dependencies in [project], or configure setuptools' [tool.setuptools.dynamic] dependencies = {file = [\"requirements.txt\"]} or hatch-requirements-txt's [tool.hatch.metadata.hooks.requirements_txt] files = [\"requirements.txt\"].");
        }
    }

    private void ReadDynamicOptionalDependencies(
        List<(string Name, List<string> Requirements)> extras,
        Dictionary<string, (int Index, string Raw, bool Static)> extraIndex)
    {
        var found = false;
        var setuptools = TableAt(SetuptoolsDynamicPath);
        if (setuptools is not null && setuptools.TryGetValue("optional-dependencies", out var setuptoolsValue))
        {
            found = true;
            var path = TomlLocationIndex.Child(SetuptoolsDynamicPath, "optional-dependencies");
            if (setuptoolsValue is TomlTable table)
            {
                foreach (var (rawExtra, directive) in table)
                {
                    var extraPath = TomlLocationIndex.Child(path, rawExtra);
                    var index = AddExtra(rawExtra, extraPath, isStatic: false, extras, extraIndex);
                    foreach (var line in ReadSetuptoolsFileDirective(directive, extraPath))
                    {
                        if (index is { } i)
                        {
                            extras[i].Requirements.Add(RequiresDist(line.Requirement.WithExtra(extras[i].Name)));
                        }
                    }
                }
            }
            else
            {
                _context.TypeError(path, "a table of extra = {file = [...]}", setuptoolsValue);
            }
        }

        var hatch = TableAt(HatchRequirementsPath);
        if (hatch is not null && hatch.TryGetValue("optional-dependencies", out var hatchValue))
        {
            found = true;
            var path = TomlLocationIndex.Child(HatchRequirementsPath, "optional-dependencies");
            if (hatchValue is TomlTable table)
            {
                foreach (var (rawExtra, files) in table)
                {
                    var extraPath = TomlLocationIndex.Child(path, rawExtra);
                    var index = AddExtra(rawExtra, extraPath, isStatic: false, extras, extraIndex);
                    foreach (var line in ReadRequirementsFiles(files, extraPath))
                    {
                        if (index is { } i)
                        {
                            extras[i].Requirements.Add(RequiresDist(line.Requirement.WithExtra(extras[i].Name)));
                        }
                    }
                }
            }
            else
            {
                _context.TypeError(path, "a table of extra = [\"requirements-extra.txt\"]", hatchValue);
            }
        }

        if (!found)
        {
            _context.Error(
                DiagnosticCodes.DynamicUnsupported,
                "`optional-dependencies` is listed in `dynamic`, but no requirements file is configured for extras, and packd does not run backend plugins.",
                DynamicItemPath("optional-dependencies"),
                "List the extras in [project.optional-dependencies], or configure setuptools' [tool.setuptools.dynamic] optional-dependencies = {extra = {file = [\"requirements-extra.txt\"]}} or hatch-requirements-txt's optional-dependencies = {extra = [\"requirements-extra.txt\"]}.");
        }
    }

    /// <summary>setuptools' <c>{file = "a.txt"}</c> or <c>{file = ["a.txt", "b.txt"]}</c>.</summary>
    private List<RequirementLine> ReadSetuptoolsFileDirective(object? directive, string path)
    {
        if (directive is TomlTable table && table.Count == 1 && table.TryGetValue("file", out var files))
        {
            return ReadRequirementsFiles(files is string single ? new TomlArray { single } : files, TomlLocationIndex.Child(path, "file"), forSetuptools: true);
        }

        _context.Error(
            DiagnosticCodes.RequirementsFileConfigInvalid,
            $"`{path}` must be a table with only a `file` key.",
            path,
            "Write it as {file = [\"requirements.txt\"]}.");
        return [];
    }

    /// <param name="forSetuptools">The files are setuptools' <c>file:</c> inputs: pip syntax setuptools cannot parse is
    /// read all the same, with warning PD3106, since the project's own backend would fail on it.</param>
    private List<RequirementLine> ReadRequirementsFiles(object? files, string path, bool forSetuptools = false)
    {
        var items = _context.AsStringList(files, path);
        var lines = new List<RequirementLine>();
        foreach (var (file, itemPath) in items ?? [])
        {
            var relative = _context.RelativePath(file, itemPath, "requirements file");
            if (relative is null)
            {
                continue;
            }

            if (!File.Exists(Path.Combine(_context.Root, relative)))
            {
                _context.Error(
                    DiagnosticCodes.ReferencedFileMissing,
                    $"The requirements file `{relative}` does not exist.",
                    itemPath,
                    $"Create `{relative}` or fix the path (it is relative to pyproject.toml).");
                continue;
            }

            var result = RequirementsFileParser.Parse(_context.Root, relative, _context.Diagnostics);
            lines.AddRange(result.Requirements);
            if (forSetuptools && result.RootContent is { } content)
            {
                WarnIfSetuptoolsCannotRead(relative, content);
            }

            foreach (var read in result.FilesRead)
            {
                if (!_requirementsFiles.Contains(read))
                {
                    _requirementsFiles.Add(read);
                }
            }
        }

        return lines;
    }

    private void WarnIfSetuptoolsCannotRead(string relative, string text)
    {
        if (SetuptoolsRequirementsSyntax.FirstUnreadable(text) is { } line)
        {
            _context.Diagnostics.Warning(
                DiagnosticCodes.SetuptoolsRequirementsSyntax,
                $"setuptools fails on (or misreads) `{line.Text}`: its file: directive takes bare requirements only, so `python -m build` breaks on this project while packd reads it as pip does.",
                relative,
                line.Line,
                1,
                "Inline the requirements (pip freeze writes them one per line without options), or keep the pip syntax in a separate file that only pip reads.");
        }
    }

    /// <summary>The table at a dotted path of plain keys, or null.</summary>
    private TomlTable? TableAt(string dottedPath)
    {
        var current = _root;
        foreach (var key in dottedPath.Split('.'))
        {
            if (!current.TryGetValue(key, out var next) || next is not TomlTable table)
            {
                return null;
            }

            current = table;
        }

        return current;
    }
}
