using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.Evaluation;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>The version: static, or read without running Python from the source the backend would use.</summary>
internal sealed partial class ProjectReader
{
    private string? ReadVersion(string? name)
    {
        if (!_dynamic.Contains("version"))
        {
            if (!_project.ContainsKey("version"))
            {
                _context.Error(
                    DiagnosticCodes.VersionInvalid,
                    "[project] has no `version` and does not list it in `dynamic`.",
                    ProjectPath,
                    "Add `version = \"0.1.0\"` to [project], or list \"version\" in `dynamic` with a version source.");
                return null;
            }

            var text = _context.GetString(_project, "version", ProjectPath);
            return text is null ? null : NormalizeVersion(text, Child("version"));
        }

        if (_project.ContainsKey("version"))
        {
            return null; // static and dynamic: already reported by ReadDynamic
        }

        var setuptools = TableAt(SetuptoolsDynamicPath);
        if (setuptools is not null && setuptools.TryGetValue("version", out var directive))
        {
            return ReadSetuptoolsVersion(directive, TomlLocationIndex.Child(SetuptoolsDynamicPath, "version"));
        }

        var hatch = TableAt("tool.hatch.version");
        if (hatch is not null)
        {
            return ReadHatchVersion(hatch);
        }

        if (DeclaredBackend() == PdmBackend && TableAt(PdmVersionPath) is { } pdmVersion)
        {
            return ReadPdmVersion(pdmVersion);
        }

        if (DeclaredBackend() == FlitBackend && name is not null)
        {
            return ReadFlitVersion(name);
        }

        var provider = TableAt("tool.setuptools_scm") is not null ? "setuptools-scm (version from git tags)"
            : TableAt("tool.pdm.version") is not null ? "pdm-backend's [tool.pdm.version]"
            : TableAt("tool.poetry") is not null ? "Poetry's [tool.poetry] version"
            : "the build backend";
        _context.Error(
            DiagnosticCodes.DynamicUnsupported,
            $"`version` is listed in `dynamic`, but packd finds no version source it can read; it would come from {provider}, which packd does not run.",
            DynamicItemPath("version"),
            "Set `version` statically, or point to a literal `__version__ = \"1.0\"` with [tool.hatch.version] path = \"pkg/__init__.py\", "
            + "[tool.setuptools.dynamic] version = {attr = \"pkg.__version__\"} or version = {file = \"VERSION\"}.");
        return null;
    }

    private string? NormalizeVersion(string text, string path)
    {
        if (Pep440Version.TryParse(text, out var version))
        {
            if (version.HasLocal)
            {
                _context.Warning(
                    DiagnosticCodes.VersionHasLocalLabel,
                    $"The version `{version.Normalized}` has a local label, which PyPI refuses to accept.",
                    path,
                    "Drop the `+...` part before publishing; local labels are for builds that stay private.");
            }

            return version.Normalized;
        }

        _context.Error(
            DiagnosticCodes.VersionInvalid,
            $"`{text}` is not a valid PEP 440 version.",
            path,
            "Use a version such as \"1.2.0\", \"1.2.0rc1\", \"1.2.0.post1\" or \"1.2.0.dev3\" (https://packaging.python.org/en/latest/specifications/version-specifiers/).");
        return null;
    }

    private string? NormalizeVersionFromFile(string text, string file, int line, int column)
    {
        if (Pep440Version.TryParse(text, out var version))
        {
            return version.Normalized;
        }

        _context.FileError(
            DiagnosticCodes.VersionInvalid,
            $"The version `{text}` read from `{file}` is not a valid PEP 440 version.",
            file,
            line,
            column,
            "Use a version such as \"1.2.0\", \"1.2.0rc1\" or \"1.2.0.dev3\".");
        return null;
    }

    private string? ReadSetuptoolsVersion(object? directive, string path)
    {
        if (directive is TomlTable table && table.Count == 1 && table.TryGetValue("attr", out var attrValue) && attrValue is string attr)
        {
            var dot = attr.LastIndexOf('.');
            if (dot <= 0 || dot == attr.Length - 1)
            {
                _context.Error(
                    DiagnosticCodes.DynamicVersionNotFound,
                    $"`attr = \"{attr}\"` must name a module and an attribute.",
                    TomlLocationIndex.Child(path, "attr"),
                    "Write it as \"package.module.__version__\".");
                return null;
            }

            var module = attr[..dot].Replace('.', '/');
            var attribute = attr[(dot + 1)..];
            // setuptools' package-dir root ("" = "lib") moves every package; otherwise flat or src layout.
            var packageRoot = TableAt("tool.setuptools.package-dir") is { } packageDir && packageDir.TryGetValue("", out var dir) && dir is string d
                ? d.Trim('/') + "/"
                : null;
            string[] candidates = packageRoot is not null
                ? [packageRoot + module + ".py", packageRoot + module + "/__init__.py"]
                : [module + ".py", module + "/__init__.py", "src/" + module + ".py", "src/" + module + "/__init__.py"];
            var plan = new EvaluationPlan("version", attr, attr[..dot], ValueConvention.Setuptools, "setuptools");
            return ReadVersionFromModule(candidates, attribute, TomlLocationIndex.Child(path, "attr"), $"the module `{attr[..dot]}`", evaluation: plan);
        }

        if (directive is TomlTable fileTable && fileTable.Count == 1 && fileTable.TryGetValue("file", out var fileValue))
        {
            var filePath = TomlLocationIndex.Child(path, "file");
            var files = fileValue is string single ? [(single, filePath)] : _context.AsStringList(fileValue, filePath);
            if (files is null || files.Count != 1)
            {
                _context.Error(
                    DiagnosticCodes.DynamicVersionNotFound,
                    "`version = {file = ...}` must name exactly one file.",
                    filePath,
                    "Write version = {file = \"VERSION\"}.");
                return null;
            }

            var relative = _context.RelativePath(files[0].Value, files[0].Path, "version file");
            var text = relative is null ? null : _context.ReadTextFile(relative, files[0].Path, "version file");
            if (text is null)
            {
                return null;
            }

            _versionFile = relative;
            return NormalizeVersionFromFile(text.Trim(), relative!, 1, 1);
        }

        _context.Error(
            DiagnosticCodes.DynamicVersionNotFound,
            "[tool.setuptools.dynamic] version must be {attr = \"pkg.__version__\"} or {file = \"VERSION\"}.",
            path,
            "Use one of the two forms packd reads without running Python.");
        return null;
    }

    private string? ReadHatchVersion(TomlTable hatch)
    {
        const string HatchPath = "tool.hatch.version";
        var source = _context.GetString(hatch, "source", HatchPath);
        if (source is not null && source != "regex")
        {
            _context.Error(
                DiagnosticCodes.DynamicUnsupported,
                $"The hatch version source `{source}` runs a plugin{(source == "vcs" ? " (hatch-vcs reads git tags)" : "")}, which packd does not run.",
                TomlLocationIndex.Child(HatchPath, "source"),
                "Use [tool.hatch.version] path = \"pkg/__init__.py\" with a literal `__version__ = \"1.0\"`, or set `version` statically.");
            return null;
        }

        var file = _context.GetString(hatch, "path", HatchPath);
        if (file is null)
        {
            _context.Error(
                DiagnosticCodes.DynamicVersionNotFound,
                "[tool.hatch.version] has no `path`.",
                HatchPath,
                "Add path = \"src/pkg/__about__.py\" naming the file holding `__version__ = \"...\"`.");
            return null;
        }

        var pathKey = TomlLocationIndex.Child(HatchPath, "path");
        var pattern = _context.GetString(hatch, "pattern", HatchPath);
        if (pattern is null)
        {
            return ReadVersionFromModule([file], "__version__", pathKey, $"`{file}`", alternateAttribute: "VERSION");
        }

        var relative = _context.RelativePath(file, pathKey, "version file");
        var text = relative is null ? null : _context.ReadTextFile(relative, pathKey, "version file");
        if (text is null)
        {
            return null;
        }

        _versionFile = relative;
        return VersionFromPattern(text, pattern, relative!, TomlLocationIndex.Child(HatchPath, "pattern"));
    }

    /// <param name="evaluation">How the backend imports the module when the value is not a literal; null when the
    /// backend never runs the file (hatchling's regex), so a computed value stays an error.</param>
    private string? ReadVersionFromModule(string[] candidates, string attribute, string path, string what, string? alternateAttribute = null,
        EvaluationPlan? evaluation = null)
    {
        string? found = null;
        foreach (var candidate in candidates)
        {
            if (File.Exists(Path.Combine(_context.Root, candidate)))
            {
                found = candidate;
                break;
            }
        }

        if (found is null)
        {
            _context.Error(
                DiagnosticCodes.DynamicVersionNotFound,
                $"packd looked for {what} in {string.Join(", ", candidates)} and found none of them.",
                path,
                "Create the module, fix the module path, or set `version` statically in [project].");
            return null;
        }

        var text = _context.ReadTextFile(found, path, "version file");
        if (text is null)
        {
            return null;
        }

        _versionFile = found;
        var result = SourceVersionReader.Find(text, attribute);
        if (result.Outcome == SourceVersionReader.Outcome.NotFound && alternateAttribute is not null)
        {
            attribute = alternateAttribute;
            result = SourceVersionReader.Find(text, attribute);
        }

        switch (result.Outcome)
        {
            case SourceVersionReader.Outcome.Literal:
                return NormalizeVersionFromFile(result.Value!, found, result.Line, result.Column);
            case SourceVersionReader.Outcome.Computed:
                if (evaluation is not null)
                {
                    var value = Evaluate(evaluation, found, attribute, out var evaluated);
                    if (evaluated)
                    {
                        return value is null ? null : NormalizeVersionFromFile(value, found, result.Line, result.Column);
                    }
                }

                ReportComputed(found, attribute, result.Line, result.Column, evaluation);
                return null;
            default:
                _context.FileError(
                    DiagnosticCodes.DynamicVersionNotFound,
                    $"`{found}` has no top-level `{attribute} = \"...\"` assignment.",
                    found,
                    1,
                    1,
                    $"Add `{attribute} = \"0.1.0\"` at the top level of `{found}`.");
                return null;
        }
    }

    private string? VersionFromPattern(string text, string pattern, string file, string patternPath)
    {
        System.Text.RegularExpressions.Regex regex;
        try
        {
            // hatch patterns are Python regexes; the named-group spelling is the one difference that matters here.
            regex = new System.Text.RegularExpressions.Regex(
                pattern.Replace("(?P<", "(?<", StringComparison.Ordinal),
                System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            _context.Error(
                DiagnosticCodes.DynamicVersionNotFound,
                $"The hatch version pattern is not a valid regular expression: {ex.Message}",
                patternPath,
                "Fix the pattern; it needs a named group `version`, e.g. ^__version__ = \"(?P<version>[^\"]+)\".");
            return null;
        }

        System.Text.RegularExpressions.Match match;
        try
        {
            match = regex.Match(text);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            _context.Error(
                DiagnosticCodes.DynamicVersionNotFound,
                $"The hatch version pattern took more than a second on `{file}` (it backtracks too much).",
                patternPath,
                "Simplify the pattern, e.g. ^__version__ = \"(?P<version>[^\"]+)\".");
            return null;
        }

        if (!match.Success || !match.Groups["version"].Success)
        {
            _context.Error(
                DiagnosticCodes.DynamicVersionNotFound,
                $"The hatch version pattern matches nothing with a `version` group in `{file}`.",
                patternPath,
                "Fix the pattern or the file; the pattern needs a named group `version`.");
            return null;
        }

        var group = match.Groups["version"];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < group.Index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return NormalizeVersionFromFile(group.Value, file, line, group.Index - lineStart + 1);
    }
}
